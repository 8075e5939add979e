package dev.lightspeedsync.sync.rules;

import org.immutables.value.Value;

/**
 * A host product as the SKU linker sees it: the host's id and its SKU code. Immutable.
 *
 * <p>Immutable and safe to share between threads.
 */
@Value.Immutable
public interface HostProductRef {
  String hostId();

  String sku();

  static HostProductRef of(String hostId, String sku) {
    return ImmutableHostProductRef.builder().hostId(hostId).sku(sku).build();
  }
}
