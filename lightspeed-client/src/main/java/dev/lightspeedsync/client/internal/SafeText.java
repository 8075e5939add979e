package dev.lightspeedsync.client.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes text that came from a server safe to put in an exception message or a log line. Pure.
 *
 * <p>Control characters (C0 and C1, DEL: among them ESC of ANSI escape sequences and BEL) and
 * bidirectional overrides are rendered as visible {@code \xNN} / {@code \\uNNNN} escapes, so a
 * server cannot recolour, retitle, clear or reorder a user's terminal through an error message.
 * Line breaks and tabs become spaces. This is the rendering the example app's terminal output uses,
 * so text already made safe here is shown unchanged there.
 */
public final class SafeText {
  private static final Pattern SECRET_PARAM = Pattern.compile(
      "([?&;](?:[^=&;#]*(?:token|secret|key|password|passwd|signature|sig|code|auth|session|credential)[^=&;#]*)=)([^&;#]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");
  private static final int MAX_CURSOR = 200;

  private SafeText() {}

  /** {@code s} with control characters and bidirectional overrides escaped; null gives "". */
  public static String safe(@Nullable String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = null;
      if (c == '\n' || c == '\r' || c == '\t') {
        replacement = " ";
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        replacement = String.format(Locale.ROOT, "\\x%02x", (int) c);
      } else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
          || c == 0x061c) {
        replacement = String.format(Locale.ROOT, "\\u%04x", (int) c);
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * A page cursor as it may be shown: query parameters whose names suggest a secret (token, key,
   * secret, code, signature ...) have their values replaced by {@code REDACTED}, user info in a URL
   * is dropped, control characters are escaped and the result is at most 200 characters.
   */
  public static String cursor(String cursor) {
    String s = USER_INFO.matcher(cursor).replaceFirst("$1");
    Matcher m = SECRET_PARAM.matcher(s);
    s = m.replaceAll("$1REDACTED");
    s = safe(s);
    return s.length() > MAX_CURSOR ? s.substring(0, MAX_CURSOR) + "..." : s;
  }
}
