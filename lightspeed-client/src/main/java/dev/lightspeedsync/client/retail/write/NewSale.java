package dev.lightspeedsync.client.retail.write;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A sale to create in R-Series, for example a webshop order exported as a completed sale. Give it a
 * {@link #referenceNumber()} (your order id) so that an earlier export can be found before posting
 * again: POST is not idempotent. A completed sale must carry payments that balance its total;
 * Lightspeed refuses it otherwise.
 */
@Value.Immutable
public interface NewSale {
  long shopId();

  long registerId();

  long employeeId();

  Optional<Long> customerId();

  /** Whether to complete the sale (default true). */
  @Value.Default
  default boolean completed() {
    return true;
  }

  /** Your reference, e.g. the host order id; searchable with a {@code referenceNumber} filter. */
  Optional<String> referenceNumber();

  /** Where the reference comes from, e.g. your application's name. */
  Optional<String> referenceNumberSource();

  List<NewSaleLine> lines();

  List<NewSalePayment> payments();

  @Value.Check
  default void check() {
    if (shopId() <= 0 || registerId() <= 0 || employeeId() <= 0) {
      throw new IllegalArgumentException("shopId, registerId and employeeId must all be configured (> 0) but were "
          + shopId() + ", " + registerId() + ", " + employeeId());
    }
    if (lines().isEmpty()) {
      throw new IllegalArgumentException("a sale needs at least one line");
    }
    if (completed() && payments().isEmpty()) {
      throw new IllegalArgumentException("a completed sale needs payments that balance its total");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewSale}. */
  final class Builder extends ImmutableNewSale.Builder {}
}
