package dev.lightspeedsync.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** Date formats of both APIs. */
public final class Times {
  private Times() {}

  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter OFFSET_NO_COLON =
      new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd'T'HH:mm:ss").appendOffset("+HHMM", "Z").toFormatter();
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** {@code 2021-03-30T19:42:36+00:00}. */
  public static String format(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    int y = t.getYear();
    if (y < 1000 || y > 9999) {
      return OUT.format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC));
    }
    char[] c = new char[25];
    put4(c, 0, y);
    c[4] = '-';
    put2(c, 5, t.getMonthValue());
    c[7] = '-';
    put2(c, 8, t.getDayOfMonth());
    c[10] = 'T';
    put2(c, 11, t.getHour());
    c[13] = ':';
    put2(c, 14, t.getMinute());
    c[16] = ':';
    put2(c, 17, t.getSecond());
    c[19] = '+';
    c[20] = '0';
    c[21] = '0';
    c[22] = ':';
    c[23] = '0';
    c[24] = '0';
    return new String(c);
  }

  private static void put2(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  private static void put4(char[] c, int at, int v) {
    put2(c, at, v / 100);
    put2(c, at + 2, v % 100);
  }

  /** Generated data spans at most this many seconds after the data epoch (300 days). */
  public static final long GENERATED_SPAN = 300L * 86400;

  /** Seconds between consecutive generated records: {@code preferred}, less when there are many. */
  public static long step(long count, long preferred) {
    return Math.max(1, Math.min(preferred, GENERATED_SPAN / Math.max(1, count)));
  }

  /** Zero-padded decimal of a non-negative number. */
  public static String pad(long v, int width) {
    String s = Long.toString(v);
    if (s.length() >= width) {
      return s;
    }
    StringBuilder b = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  /**
   * Parses the date forms the APIs accept in filters: ISO with {@code +00:00}, {@code -00:00},
   * {@code -0400} or {@code Z}, eCom's {@code YYYY-MM-DD HH:MM:SS} (UTC) and a bare date.
   * Returns null when the value is not a date.
   */
  public static Long parseEpochSecond(String s) {
    if (s == null || s.length() < 10 || !Character.isDigit(s.charAt(0)) || s.charAt(4) != '-') {
      return null;
    }
    String v = s.trim();
    try {
      return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return OffsetDateTime.parse(v, OFFSET_NO_COLON).toEpochSecond();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDateTime.parse(v, SPACED).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDate.parse(v).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }
}
