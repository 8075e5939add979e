/** R-Series (Lightspeed Retail) adapters: Items are SKUs, Shops are locations. */
@NullMarked
package dev.lightspeedsync.sync.lightspeed.retail;

import org.jspecify.annotations.NullMarked;
