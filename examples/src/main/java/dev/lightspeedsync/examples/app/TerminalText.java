package dev.lightspeedsync.examples.app;

/**
 * Makes text that came from outside (server messages, names of shops and items, database errors)
 * safe to print on a terminal: control characters (C0 and C1, DEL, which include ESC of ANSI escape
 * sequences and BEL) and bidirectional overrides are shown as {@code \xNN} / {@code \\uNNNN}
 * instead of being sent raw, so a server cannot move the cursor, recolour, retitle or clear the
 * user's terminal, or reorder what is shown. Line breaks become spaces.
 */
final class TerminalText {
  private TerminalText() {}

  static String safe(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        out.append(String.format("\\x%02x", (int) c));
      } else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
          || c == 0x061c) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
