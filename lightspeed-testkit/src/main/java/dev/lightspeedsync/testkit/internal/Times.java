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
    return OUT.format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC));
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
