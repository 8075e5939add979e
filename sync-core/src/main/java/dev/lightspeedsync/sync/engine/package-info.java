/**
 * The sync engine: {@link dev.lightspeedsync.sync.engine.SyncEngine} runs one account's sync through
 * a {@link dev.lightspeedsync.sync.spi.Connector} into the host's
 * {@link dev.lightspeedsync.sync.spi.SyncSink}, with checkpoints, every rule and a
 * {@link dev.lightspeedsync.sync.engine.SyncReport}.
 */
@SdkStyle
@NullMarked
package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
