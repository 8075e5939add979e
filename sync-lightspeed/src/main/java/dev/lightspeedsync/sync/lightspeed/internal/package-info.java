/** Not API. */
@NullMarked
package dev.lightspeedsync.sync.lightspeed.internal;

import org.jspecify.annotations.NullMarked;
