/**
 * Implementation details of sync-core. Not API: anything here may change in any release.
 */
@NullMarked
package dev.lightspeedsync.sync.internal;

import org.jspecify.annotations.NullMarked;
