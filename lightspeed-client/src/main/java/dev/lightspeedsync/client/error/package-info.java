/** The exceptions of the Lightspeed clients: one unchecked hierarchy rooted at {@link dev.lightspeedsync.client.error.LightspeedException}. */
@NullMarked
package dev.lightspeedsync.client.error;

import org.jspecify.annotations.NullMarked;
