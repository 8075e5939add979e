/**
 * R-Series (Lightspeed Retail) adapters: Items are SKUs, Shops are locations. {@code RetailSyncRunner}
 * reads; {@code RetailWriter} writes back (stock push, receipt booking and order export exactly once,
 * buy orders, dry run).
 */
@NullMarked
package dev.lightspeedsync.sync.lightspeed.retail;

import org.jspecify.annotations.NullMarked;
