package dev.lightspeedsync.client.xseries.write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A sale to create through the legacy {@code POST /api/register_sales} (API 0.9 names). Give it an
 * {@link #invoiceNumber()} of your own: a POST is never resent after it may have reached
 * Lightspeed, and the invoice number is how you find the sale after an unknown outcome.
 */
@Value.Immutable
public interface NewRegisterSale {
  String registerId();

  String userId();

  Optional<String> customerId();

  /** {@code CLOSED} (default), {@code SAVED}, {@code LAYBY}, {@code ONACCOUNT} ... */
  @Value.Default
  default String status() {
    return "CLOSED";
  }

  Optional<Instant> saleDate();

  Optional<String> note();

  Optional<String> invoiceNumber();

  List<NewRegisterSaleLine> lines();

  List<NewRegisterSalePayment> payments();

  @Value.Check
  default void check() {
    Writes.requireId(registerId(), "registerId");
    Writes.requireId(userId(), "userId");
    if (lines().isEmpty()) {
      throw new IllegalArgumentException("a sale needs at least one line");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewRegisterSale}. */
  final class Builder extends ImmutableNewRegisterSale.Builder {}
}
