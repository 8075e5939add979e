package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series consignment: a supplier purchase order ({@link ConsignmentType#SUPPLIER}), an outlet
 * transfer, a return or a stocktake. In responses {@link #reference()} is the order number and
 * {@link #name()} the note.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableConsignment.class)
public interface Consignment {
  @JsonProperty("id")
  String id();

  @JsonProperty("outlet_id")
  Optional<String> outletId();

  @JsonProperty("source_outlet_id")
  Optional<String> sourceOutletId();

  @JsonProperty("supplier_id")
  Optional<String> supplierId();

  /** The note. */
  @JsonProperty("name")
  Optional<String> name();

  /** The wire value of {@code type}. */
  @JsonProperty("type")
  Optional<String> typeRaw();

  /** The wire value of {@code status}. */
  @JsonProperty("status")
  Optional<String> statusRaw();

  @JsonProperty("consignment_date")
  Optional<Instant> consignmentDate();

  @JsonProperty("due_at")
  Optional<Instant> dueAt();

  @JsonProperty("received_at")
  Optional<Instant> receivedAt();

  @JsonProperty("supplier_invoice")
  Optional<String> supplierInvoice();

  /** The order number. */
  @JsonProperty("reference")
  Optional<String> reference();

  @JsonProperty("total_count_gain")
  Optional<BigDecimal> totalCountGain();

  @JsonProperty("total_count_loss")
  Optional<BigDecimal> totalCountLoss();

  @JsonProperty("total_cost_gain")
  Optional<BigDecimal> totalCostGain();

  @JsonProperty("total_cost_loss")
  Optional<BigDecimal> totalCostLoss();

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

  /** The consignment type; {@link ConsignmentType#UNKNOWN} for an absent or new value. */
  default ConsignmentType type() {
    return ConsignmentType.fromWire(typeRaw().orElse(""));
  }

  /** The status; {@link ConsignmentStatus#UNKNOWN} for an absent or new value (the list may grow). */
  default ConsignmentStatus status() {
    return ConsignmentStatus.fromWire(statusRaw().orElse(""));
  }

  /** Whether the record is deleted (it has a {@code deleted_at}). */
  default boolean deleted() {
    return deletedAt().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Consignment}, for example in tests of host code. */
  final class Builder extends ImmutableConsignment.Builder {}
}
