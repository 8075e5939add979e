package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.engine.SyncStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page read by a {@link ReadPass}: the page's records, already mapped to the sync-core model,
 * the cursor of the next page (empty on the last page), and the newest bookmark among the page's
 * records.
 *
 * <p>The cursor must not depend on the host or port the client talks to, so that a checkpoint stays
 * usable when the same account is reached through another address.
 *
 * @param batch the mapped records
 * @param next the cursor of the next page of this pass, empty when the pass is done
 * @param newest the newest change among the records, for every stream of the plan; empty when the
 *     page has none or the pass does not move the bookmark
 * @param newestByStream where a plan reads several streams in one walk (items with their stock), the
 *     newest change per stream; a stream listed here does not take {@code newest}
 */
public record PassPage(Batch batch, Optional<String> next, Optional<Bookmark> newest,
    Map<SyncStream, Bookmark> newestByStream) {
  public PassPage {
    Objects.requireNonNull(batch, "batch == null");
    Objects.requireNonNull(next, "next == null");
    Objects.requireNonNull(newest, "newest == null");
    newestByStream = Map.copyOf(newestByStream);
  }

  /** The newest change of {@code stream} on this page. */
  public Optional<Bookmark> newest(SyncStream stream) {
    Bookmark own = newestByStream.get(stream);
    return own != null ? Optional.of(own) : newest;
  }

  /** A page with a next cursor (or the last page when {@code next} is {@code null}). */
  public static PassPage of(Batch batch, @org.jspecify.annotations.Nullable String next,
      @org.jspecify.annotations.Nullable Bookmark newest) {
    return new PassPage(batch, Optional.ofNullable(next), Optional.ofNullable(newest), Map.of());
  }
}
