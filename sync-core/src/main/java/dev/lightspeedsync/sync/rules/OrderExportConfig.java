package dev.lightspeedsync.sync.rules;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * "Use Order Exporting" (seed 004): host orders exported to Lightspeed Retail as completed sales.
 * Off by default. When on, an employee ("You must select a Lightspeed Employee since it comes in as a
 * closed sale") and a register ("You must select a Lightspeed Register") are required. Immutable,
 * thread-safe; validated at {@code build()}.
 */
@Value.Immutable
public interface OrderExportConfig extends WithOrderExportConfig {
  @Value.Default
  default boolean enabled() {
    return false;
  }

  /** The Lightspeed employee id exported sales are booked by. */
  Optional<String> employeeId();

  /** The Lightspeed register id exported sales are booked on. */
  Optional<String> registerId();

  /** "If payment is captured, export the order when all items are fulfilled". Off by default. */
  @Value.Default
  default boolean requireAllFulfilled() {
    return false;
  }

  /** Status to set on the host order after export; empty means "No Change" (the recommendation). */
  Optional<String> statusAfterExport();

  static Builder builder() {
    return new Builder();
  }

  static OrderExportConfig defaults() {
    return builder().build();
  }

  @Value.Check
  default void check() {
    employeeId().ifPresent(v -> {
      if (v.isBlank()) {
        throw new IllegalStateException("OrderExportConfig.employeeId must not be blank");
      }
    });
    registerId().ifPresent(v -> {
      if (v.isBlank()) {
        throw new IllegalStateException("OrderExportConfig.registerId must not be blank");
      }
    });
    statusAfterExport().ifPresent(v -> {
      if (v.isBlank()) {
        throw new IllegalStateException("OrderExportConfig.statusAfterExport must not be blank;"
            + " leave it empty for \"No Change\"");
      }
    });
    if (enabled() && employeeId().isEmpty()) {
      throw new IllegalStateException("OrderExportConfig.employeeId is required when order export"
          + " is enabled: exported orders come in as closed sales");
    }
    if (enabled() && registerId().isEmpty()) {
      throw new IllegalStateException(
          "OrderExportConfig.registerId is required when order export is enabled");
    }
  }

  /** Builds an {@link OrderExportConfig}; not thread-safe. */
  final class Builder extends ImmutableOrderExportConfig.Builder {}
}
