package dev.lightspeedsync.sync.engine.internal;

import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The composite definitions that apply to some SKUs, nested components included, compiled into a
 * {@link CompositeBreakdown}: the host's definitions ({@link CompositeConfig#definitions()}) first,
 * then the platform's, as stored on the SKUs in the sink ({@link Sku#composite()}). Looks one level
 * deeper than {@link CompositeConfig#maxDepth()} allows, so that too-deep nesting is reported.
 */
public final class Composites {
  private Composites() {}

  public static CompositeBreakdown of(SyncSink sink, CompositeConfig config, Collection<String> skuIds,
      Instant asOf) {
    Map<String, CompositeDefinition> host = new LinkedHashMap<>();
    for (CompositeDefinition d : config.definitions()) {
      host.putIfAbsent(d.compositeSkuId(), d);
    }
    Map<String, CompositeDefinition> found = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Set<String> frontier = new LinkedHashSet<>(skuIds);
    for (int level = 0; level <= config.maxDepth() + 1 && !frontier.isEmpty(); level++) {
      frontier.removeAll(seen);
      seen.addAll(frontier);
      List<String> fromSink = new ArrayList<>();
      List<CompositeDefinition> defs = new ArrayList<>();
      for (String id : frontier) {
        CompositeDefinition d = host.get(id);
        if (d != null) {
          defs.add(d);
        } else {
          fromSink.add(id);
        }
      }
      if (!fromSink.isEmpty()) {
        for (Sku sku : sink.findSkus(fromSink).values()) {
          sku.composite().ifPresent(defs::add);
        }
      }
      Set<String> next = new LinkedHashSet<>();
      for (CompositeDefinition d : defs) {
        found.putIfAbsent(d.compositeSkuId(), d);
        for (Component c : d.components()) {
          next.add(c.skuId());
        }
      }
      frontier = next;
    }
    return CompositeBreakdown.compile(new ArrayList<>(found.values()), config, asOf);
  }
}
