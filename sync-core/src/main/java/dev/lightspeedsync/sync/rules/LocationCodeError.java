package dev.lightspeedsync.sync.rules;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A configured location code that matches no location exactly. {@link #message()} names the near
 * match ("did you mean 'Main Warehouse'?"), which is what a user needs when the case differs (seed
 * 001: "main warehouse" vs "Main Warehouse" makes the export fail). Immutable, thread-safe.
 */
@Value.Immutable
public interface LocationCodeError {
  /** The configuration field: {@code defaultLocationCode} or {@code locationCodes}. */
  String field();

  /** The code as configured. */
  String code();

  /** The existing location code closest to {@link #code()}, if any is close. */
  Optional<String> nearMatch();

  /** Whether the exact code exists but the location is archived. */
  boolean archived();

  /** A message that names the field, the code, and the near match. */
  @Value.Derived
  default String message() {
    if (archived()) {
      return field() + ": location '" + code() + "' is archived in Lightspeed";
    }
    return field() + ": no location named '" + code() + "' (codes are case-sensitive)"
        + nearMatch().map(m -> "; did you mean '" + m + "'?").orElse("");
  }
}
