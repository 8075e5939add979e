package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series sale with its line items and payments. {@link #status()} covers every status of
 * the documented table; {@link SaleStatus#completed()} tells finalized sales ({@code CLOSED} and the
 * {@code *_CLOSED} statuses) from open and voided ones. {@code GET /sales} offers no deleted filter.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSale.class)
public interface Sale {
  @JsonProperty("id")
  String id();

  @JsonProperty("outlet_id")
  Optional<String> outletId();

  @JsonProperty("register_id")
  Optional<String> registerId();

  @JsonProperty("user_id")
  Optional<String> userId();

  @JsonProperty("customer_id")
  Optional<String> customerId();

  @JsonProperty("invoice_number")
  Optional<String> invoiceNumber();

  @JsonProperty("invoice_sequence")
  Optional<Long> invoiceSequence();

  /** {@code USER}, {@code SHOPIFY}, {@code ECOMMERCE} or {@code QUOTE}. */
  @JsonProperty("source")
  Optional<String> source();

  @JsonProperty("source_id")
  Optional<String> sourceId();

  /** The wire value of {@code status}. */
  @JsonProperty("status")
  Optional<String> statusRaw();

  @JsonProperty("note")
  Optional<String> note();

  @JsonProperty("short_code")
  Optional<String> shortCode();

  /** The sale this one returns, for a return. */
  @JsonProperty("return_for")
  Optional<String> returnFor();

  /** Total excluding tax. */
  @JsonProperty("total_price")
  Optional<BigDecimal> totalPrice();

  @JsonProperty("total_tax")
  Optional<BigDecimal> totalTax();

  @JsonProperty("total_loyalty")
  Optional<BigDecimal> totalLoyalty();

  /** When the sale was made (UTC; bucket by the outlet's time zone). */
  @JsonProperty("sale_date")
  Optional<Instant> saleDate();

  @JsonProperty("line_items")
  List<SaleLineItem> lineItems();

  @JsonProperty("payments")
  List<SalePayment> payments();

  @JsonProperty("created_at")
  Optional<Instant> createdAt();

  @JsonProperty("updated_at")
  Optional<Instant> updatedAt();

  /** When the record was deleted; present only on lists read with deleted records included. */
  @JsonProperty("deleted_at")
  Optional<Instant> deletedAt();

  /** The global version of the record's last change: the incremental bookmark. */
  @JsonProperty("version")
  Optional<Long> version();

  /** The sale status; {@link SaleStatus#UNKNOWN} for an absent or new value (see {@link #statusRaw()}). */
  default SaleStatus status() {
    return SaleStatus.fromWire(statusRaw().orElse(""));
  }

  /** Whether the record is deleted (it has a {@code deleted_at}). */
  default boolean deleted() {
    return deletedAt().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Sale}, for example in tests of host code. */
  final class Builder extends ImmutableSale.Builder {}
}
