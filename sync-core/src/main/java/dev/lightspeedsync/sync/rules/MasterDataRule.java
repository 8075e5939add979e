package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.Sku;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rule 8, master data (seed 002, "Update products: ... selects what system is the master for product
 * information such as Pricing"): compares a linked host product with its Lightspeed SKU and says which
 * side to update. Prices compare by value ({@code 10.0} equals {@code 10.00}). Pure and stateless:
 * safe to share between threads.
 */
public final class MasterDataRule {
  private final MasterDataConfig config;

  private MasterDataRule(MasterDataConfig config) {
    this.config = config;
  }

  public static MasterDataRule of(MasterDataConfig config) {
    return new MasterDataRule(Objects.requireNonNull(config, "config == null"));
  }

  public MasterDataDecision decide(Sku lightspeed, Sku host) {
    Objects.requireNonNull(lightspeed, "lightspeed == null");
    Objects.requireNonNull(host, "host == null");
    Set<ProductField> diff = EnumSet.noneOf(ProductField.class);
    if (!lightspeed.name().equals(host.name())) {
      diff.add(ProductField.NAME);
    }
    if (!lightspeed.upc().equals(host.upc())) {
      diff.add(ProductField.UPC);
    }
    if (!lightspeed.ean().equals(host.ean())) {
      diff.add(ProductField.EAN);
    }
    if (!lightspeed.manufacturerSku().equals(host.manufacturerSku())) {
      diff.add(ProductField.MANUFACTURER_SKU);
    }
    if (!samePrices(lightspeed.prices(), host.prices())) {
      diff.add(ProductField.PRICES);
    }
    MasterDataDecision.Direction direction;
    if (diff.isEmpty()) {
      direction = MasterDataDecision.Direction.NONE;
    } else if (config.master() == MasterSide.LIGHTSPEED) {
      direction = MasterDataDecision.Direction.UPDATE_HOST;
    } else {
      direction = MasterDataDecision.Direction.UPDATE_LIGHTSPEED;
    }
    return ImmutableMasterDataDecision.builder().skuId(lightspeed.id()).direction(direction)
        .differingFields(diff).build();
  }

  private static boolean samePrices(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, BigDecimal> e : a.entrySet()) {
      BigDecimal other = b.get(e.getKey());
      if (other == null || other.compareTo(e.getValue()) != 0) {
        return false;
      }
    }
    return true;
  }
}
