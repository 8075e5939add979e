/**
 * Entry points of sync-core. {@link dev.lightspeedsync.sync.SyncSettings} bundles the configuration
 * of every rule of one connection, with the read-only switch applied across all of them. The rules
 * themselves live in {@code ..sync.rules}, the model in {@code ..sync.model}, the storage port in
 * {@code ..sync.spi}.
 */
@SdkStyle
@NullMarked
package dev.lightspeedsync.sync;

import dev.lightspeedsync.sync.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
