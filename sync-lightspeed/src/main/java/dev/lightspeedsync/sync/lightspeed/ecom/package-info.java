/** eCom (C-Series) adapters: variants are SKUs carrying their product's visibility and supplier. */
@NullMarked
package dev.lightspeedsync.sync.lightspeed.ecom;

import org.jspecify.annotations.NullMarked;
