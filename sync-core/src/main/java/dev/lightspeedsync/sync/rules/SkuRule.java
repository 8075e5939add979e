package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rule 8, linking part (seeds 002, 003): link products by SKU; report missing and duplicate SKUs
 * instead of guessing; handle whitespace the same way on both sides and on export; find the products
 * an order needs that the host does not have yet.
 *
 * <p>Pure and stateless: safe to share between threads.
 */
public final class SkuRule {
  private final SkuConfig config;

  private SkuRule(SkuConfig config) {
    this.config = config;
  }

  public static SkuRule of(SkuConfig config) {
    return new SkuRule(Objects.requireNonNull(config, "config == null"));
  }

  /** The code as compared and as sent to Lightspeed under this configuration. */
  public String normalize(String sku) {
    Objects.requireNonNull(sku, "sku == null");
    switch (config.whitespace()) {
      case STRIP_ALL:
        return sku.replaceAll("\\s+", "");
      case TRIM:
        return sku.strip();
      case EXACT:
        return sku;
      default:
        throw new AssertionError(config.whitespace());
    }
  }

  /**
   * Links host products to Lightspeed SKUs with equal normalised codes. A code held by more than one
   * record on a side is reported as a duplicate and linked to nothing; a Lightspeed SKU without a code
   * is reported as missing.
   */
  public LinkResult link(List<Sku> lightspeed, List<HostProductRef> host, Instant asOf) {
    Objects.requireNonNull(lightspeed, "lightspeed == null");
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(asOf, "asOf == null");
    List<RecordIssue> issues = new ArrayList<>();
    Map<String, List<String>> lsByCode = new LinkedHashMap<>();
    for (Sku sku : lightspeed) {
      String code = sku.sku().map(this::normalize).orElse("");
      if (code.isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SKU, sku.id(), ReasonCode.SKU_MISSING,
            "Product '" + sku.name() + "' has no SKU in Lightspeed, so it cannot be linked",
            "Enter a unique SKU for this product in Lightspeed", asOf));
        continue;
      }
      lsByCode.computeIfAbsent(code, k -> new ArrayList<>(1)).add(sku.id());
    }
    Map<String, List<String>> hostByCode = new LinkedHashMap<>();
    for (HostProductRef ref : host) {
      String code = normalize(ref.sku());
      if (code.isEmpty()) {
        issues.add(RecordIssue.of(RecordKind.SKU, ref.hostId(), ReasonCode.SKU_MISSING,
            "Host product " + ref.hostId() + " has an empty SKU, so it cannot be linked",
            "Enter a unique SKU for this product", asOf));
        continue;
      }
      hostByCode.computeIfAbsent(code, k -> new ArrayList<>(1)).add(ref.hostId());
    }
    reportDuplicates(lsByCode, "Lightspeed SKUs", "in Lightspeed", issues, asOf);
    reportDuplicates(hostByCode, "host products", "in the host", issues, asOf);
    ImmutableLinkResult.Builder out = ImmutableLinkResult.builder();
    for (Map.Entry<String, List<String>> e : lsByCode.entrySet()) {
      List<String> hostIds = hostByCode.get(e.getKey());
      if (e.getValue().size() != 1 || (hostIds != null && hostIds.size() != 1)) {
        continue;
      }
      if (hostIds == null) {
        out.addUnlinkedSkuIds(e.getValue().get(0));
      } else {
        out.addLinks(ImmutableSkuLink.builder().hostId(hostIds.get(0)).skuId(e.getValue().get(0))
            .sku(e.getKey()).build());
      }
    }
    for (Map.Entry<String, List<String>> e : hostByCode.entrySet()) {
      if (e.getValue().size() == 1 && !lsByCode.containsKey(e.getKey())) {
        out.addUnlinkedHostIds(e.getValue().get(0));
      }
    }
    return out.issues(issues).build();
  }

  private static void reportDuplicates(Map<String, List<String>> byCode, String what, String where,
      List<RecordIssue> issues, Instant asOf) {
    for (Map.Entry<String, List<String>> e : byCode.entrySet()) {
      if (e.getValue().size() > 1) {
        for (String id : e.getValue()) {
          issues.add(RecordIssue.of(RecordKind.SKU, id, ReasonCode.SKU_DUPLICATE,
              "SKU '" + e.getKey() + "' is shared by " + what + " " + e.getValue()
                  + "; none of them is linked",
              "Give each product a unique SKU " + where, asOf));
        }
      }
    }
  }

  /**
   * SKU ids that orders reference but the host does not know (seed 003: "With every order, all the
   * missing products from that order will be imported automatically"). Distinct, in first-seen order.
   */
  public static List<String> missingProducts(List<SalesOrder> orders, Set<String> knownSkuIds) {
    Objects.requireNonNull(orders, "orders == null");
    Objects.requireNonNull(knownSkuIds, "knownSkuIds == null");
    Set<String> missing = new LinkedHashSet<>();
    for (SalesOrder order : orders) {
      for (SalesLine line : order.lines()) {
        if (!knownSkuIds.contains(line.skuId())) {
          missing.add(line.skuId());
        }
      }
    }
    return List.copyOf(missing);
  }
}
