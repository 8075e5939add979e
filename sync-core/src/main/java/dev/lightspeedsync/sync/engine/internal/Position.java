package dev.lightspeedsync.sync.engine.internal;

import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.spi.Bookmark;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A stream's checkpoint: its bookmark (where the last completed read ended) and, while a plan is
 * under way, the plan, pass and cursor of the next page, the newest bookmarks seen so far and the
 * time the plan started. Encoded as {@code v=1&bm=..&plan=..&pass=..&cur=..&hw.STREAM=..&ps=..}.
 * Checkpoints of the 0.x runners ({@code since=..&cursor=..&seen=..}) are read as a bookmark at
 * {@code since}; their cursor is dropped, because it could name another host.
 */
public record Position(@Nullable Bookmark bookmark, boolean completedOnce, @Nullable String plan, int pass,
    @Nullable String cursor, Map<SyncStream, Bookmark> newest, @Nullable Instant planStart) {
  public static final Position NONE = new Position(null, false, null, 0, null, Map.of(), null);

  public Position {
    newest = Map.copyOf(newest);
  }

  /** Whether a plan is under way (it started and has not completed). */
  public boolean inProgress() {
    return plan != null;
  }

  /** The position after a completed read. */
  public static Position completed(@Nullable Bookmark bookmark) {
    return new Position(bookmark, true, null, 0, null, Map.of(), null);
  }

  /** This bookmark with no plan under way. */
  public Position restarted() {
    return new Position(bookmark, completedOnce, null, 0, null, Map.of(), null);
  }

  public Position at(String plan, int pass, @Nullable String cursor, Map<SyncStream, Bookmark> newest,
      Instant planStart) {
    return new Position(bookmark, completedOnce, plan, pass, cursor, newest, planStart);
  }

  public String format() {
    StringJoiner out = new StringJoiner("&");
    out.add("v=1");
    if (bookmark != null) {
      out.add("bm=" + enc(bookmark.toString()));
    }
    if (completedOnce) {
      out.add("done=1");
    }
    if (plan != null) {
      out.add("plan=" + enc(plan));
      out.add("pass=" + pass);
      if (cursor != null) {
        out.add("cur=" + enc(cursor));
      }
      newest.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.add("hw." + e.getKey().name() + "=" + enc(e.getValue().toString())));
      if (planStart != null) {
        out.add("ps=" + enc(planStart.toString()));
      }
    }
    return out.toString();
  }

  /**
   * Reads a checkpoint. A position that cannot be read throws {@link IllegalArgumentException}
   * with the reason; the engine then restarts the stream.
   */
  public static Position parse(String text) {
    Bookmark bookmark = null;
    boolean done = false;
    String plan = null;
    int pass = 0;
    String cursor = null;
    Instant planStart = null;
    Map<SyncStream, Bookmark> newest = new EnumMap<>(SyncStream.class);
    boolean legacy = true;
    for (String part : text.split("&")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq);
      String value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "v":
          if (!"1".equals(value)) {
            throw new IllegalArgumentException("checkpoint version " + value + " is newer than this SDK reads");
          }
          legacy = false;
          break;
        case "bm":
          bookmark = Bookmark.parse(value);
          break;
        case "done":
          done = true;
          break;
        case "plan":
          plan = value;
          break;
        case "pass":
          pass = Integer.parseInt(value);
          break;
        case "cur":
          cursor = value;
          break;
        case "ps":
          planStart = Instant.parse(value);
          break;
        case "since":
          if (!value.isEmpty()) {
            bookmark = Bookmark.time(Instant.parse(value));
            done = true;
          }
          break;
        default:
          if (key.startsWith("hw.")) {
            newest.put(SyncStream.valueOf(key.substring(3)), Bookmark.parse(value));
          }
          break;
      }
    }
    if (legacy) {
      return new Position(bookmark, done, null, 0, null, Map.of(), null);
    }
    return new Position(bookmark, done, plan, pass, cursor, newest, planStart);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
