/** Adapters from the Lightspeed clients to the sync-core model. */
@NullMarked
package dev.lightspeedsync.sync.lightspeed;

import org.jspecify.annotations.NullMarked;
