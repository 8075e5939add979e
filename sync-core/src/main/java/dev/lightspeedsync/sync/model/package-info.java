/**
 * The canonical, immutable domain model of sync-core. The unit is the stock-keeping unit ({@link dev.lightspeedsync.sync.model.Sku}).
 * Every type here is an immutable value built with {@code X.builder()}; builders validate at {@code build()}
 * and name the offending field. All types are safe to share between threads.
 */
@SdkStyle
@NullMarked
package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
