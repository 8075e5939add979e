/**
 * Ports the host application implements: {@link dev.lightspeedsync.sync.spi.SyncSink} (the host's storage)
 * and the source ports a runner reads from. sync-core ships an in-memory sink in {@code ..sync.testing}.
 */
@SdkStyle
@NullMarked
package dev.lightspeedsync.sync.spi;

import dev.lightspeedsync.sync.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
