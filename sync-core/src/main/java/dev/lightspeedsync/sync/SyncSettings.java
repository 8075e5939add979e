package dev.lightspeedsync.sync;

import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.ItemImportConfig;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.sync.rules.OrderImportConfig;
import dev.lightspeedsync.sync.rules.PriceLevelConfig;
import dev.lightspeedsync.sync.rules.PublishConfig;
import dev.lightspeedsync.sync.rules.PurchaseOrderConfig;
import dev.lightspeedsync.sync.rules.PurchasePriceConfig;
import dev.lightspeedsync.sync.rules.SalesSelectionConfig;
import dev.lightspeedsync.sync.rules.ScheduleConfig;
import dev.lightspeedsync.sync.rules.SkuConfig;
import dev.lightspeedsync.sync.rules.VisibilityConfig;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Every rule configuration of one connection, in one immutable value: what a host stores per
 * account and hands to a runner. Each part has the safe default of its rule; {@link #location()} is
 * optional because eCom accounts have no locations.
 *
 * <p><b>Read-only</b> (seed 003: "Picqer will only get information from Lightspeed, but will not push
 * any information back") is one switch over all rules: the {@code effective*()} accessors return the
 * configurations with every write to Lightspeed off (stock push, receipt booking, order export,
 * product export), while the stored settings keep what the user chose, so switching read-only off
 * restores them. Runners must use the {@code effective*()} accessors.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public interface SyncSettings extends WithSyncSettings {
  /** Nothing is written to Lightspeed while on. Off by default. */
  @Value.Default
  default boolean readOnly() {
    return false;
  }

  @Value.Default
  default VisibilityConfig visibility() {
    return VisibilityConfig.defaults();
  }

  @Value.Default
  default PurchasePriceConfig purchasePrice() {
    return PurchasePriceConfig.defaults();
  }

  /** Location settings; required for Retail (R-Series) connections, absent for eCom. */
  Optional<LocationConfig> location();

  /**
   * Outlets mapped to the host's warehouses (seed 002: "Connect your Lightspeed outlets to Unleashed
   * warehouses"): one to one, at least one. When set, every mapped outlet must exist in the account
   * (checked before anything is written, like the location settings) and stock and sales are taken
   * only from mapped outlets (and, with {@link #location()} too, only from those it selects).
   */
  Optional<dev.lightspeedsync.sync.rules.OutletMapping> outletMapping();

  @Value.Default
  default SalesSelectionConfig salesSelection() {
    return SalesSelectionConfig.defaults();
  }

  @Value.Default
  default CompositeConfig composites() {
    return CompositeConfig.defaults();
  }

  @Value.Default
  default PurchaseOrderConfig purchaseOrders() {
    return PurchaseOrderConfig.defaults();
  }

  @Value.Default
  default AvailabilityConfig availability() {
    return AvailabilityConfig.defaults();
  }

  @Value.Default
  default SkuConfig skus() {
    return SkuConfig.defaults();
  }

  /**
   * Item import filters (seed 004: on hand, on order, reorder levels above zero). Empty (the
   * default): every item is imported. An e-commerce platform importing like seed 004 sets
   * {@code ItemImportConfig.defaults()}.
   */
  Optional<ItemImportConfig> itemImport();

  /**
   * Order import (seed 003): when set, the {@code ORDER_IMPORT} stream hands the orders it selects to
   * the host exactly once; absent (the default), no order is handed over.
   */
  Optional<OrderImportConfig> orderImport();

  @Value.Default
  default PriceLevelConfig priceLevels() {
    return PriceLevelConfig.defaults();
  }

  @Value.Default
  default PublishConfig publish() {
    return PublishConfig.defaults();
  }

  @Value.Default
  default MasterDataConfig masterData() {
    return MasterDataConfig.defaults();
  }

  @Value.Default
  default OrderExportConfig orderExport() {
    return OrderExportConfig.defaults();
  }

  @Value.Default
  default ScheduleConfig schedule() {
    return ScheduleConfig.defaults();
  }

  /** {@link #availability()} with {@code readOnly} applied. */
  default AvailabilityConfig effectiveAvailability() {
    return readOnly() ? availability().withReadOnly(true) : availability();
  }

  /** {@link #purchaseOrders()} with booking off when read-only. */
  default PurchaseOrderConfig effectivePurchaseOrders() {
    return readOnly() ? purchaseOrders().withBookingEnabled(false) : purchaseOrders();
  }

  /** {@link #orderExport()} with export off when read-only. */
  default OrderExportConfig effectiveOrderExport() {
    return readOnly() ? orderExport().withEnabled(false) : orderExport();
  }

  /**
   * {@link #masterData()} when writable; when read-only, Lightspeed masters and nothing is exported
   * (a host-mastered product change can then only wait).
   */
  default MasterDataConfig effectiveMasterData() {
    return readOnly()
        ? masterData().withMaster(MasterSide.LIGHTSPEED).withExportProducts(false)
        : masterData();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Safe defaults for an eCom connection (no locations). */
  static SyncSettings defaults() {
    return builder().build();
  }

  /** Builds {@link SyncSettings}; not thread-safe. */
  final class Builder extends ImmutableSyncSettings.Builder {}
}
