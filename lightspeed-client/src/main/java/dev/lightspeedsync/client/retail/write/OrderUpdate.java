package dev.lightspeedsync.client.retail.write;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Changes to a purchase order; only the values set are sent (PUT is a partial update).
 * {@link #orderedDate()} moves the order to "Ordered", {@link #receivedDate()} to "Check-In".
 */
@Value.Immutable
public interface OrderUpdate {
  Optional<LocalDate> orderedDate();

  Optional<LocalDate> receivedDate();

  Optional<LocalDate> arrivalDate();

  Optional<String> refNum();

  Optional<Boolean> complete();

  @Value.Check
  default void check() {
    if (orderedDate().isEmpty() && receivedDate().isEmpty() && arrivalDate().isEmpty() && refNum().isEmpty()
        && complete().isEmpty()) {
      throw new IllegalArgumentException("an order update must change at least one field");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrderUpdate}. */
  final class Builder extends ImmutableOrderUpdate.Builder {}
}
