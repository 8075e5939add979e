package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series register (till) of an outlet. The retailer's rate limit grows with the number of registers.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableRegister.class)
public interface Register {
  @JsonProperty("id")
  String id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("outlet_id")
  Optional<String> outletId();

  /** Whether the register is open now. */
  @JsonProperty("is_open")
  Optional<Boolean> open();

  @JsonProperty("invoice_prefix")
  Optional<String> invoicePrefix();

  @JsonProperty("invoice_suffix")
  Optional<String> invoiceSuffix();

  @JsonProperty("invoice_sequence")
  Optional<Long> invoiceSequence();

  @JsonProperty("register_open_time")
  Optional<Instant> registerOpenTime();

  @JsonProperty("register_close_time")
  Optional<Instant> registerCloseTime();

  /** When the record was deleted; present only on lists read with deleted records included. */
  @JsonProperty("deleted_at")
  Optional<Instant> deletedAt();

  /** The global version of the record's last change: the incremental bookmark. */
  @JsonProperty("version")
  Optional<Long> version();

  /** Whether the record is deleted (it has a {@code deleted_at}). */
  default boolean deleted() {
    return deletedAt().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Register}, for example in tests of host code. */
  final class Builder extends ImmutableRegister.Builder {}
}
