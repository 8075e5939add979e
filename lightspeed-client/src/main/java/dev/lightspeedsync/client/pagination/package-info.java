/** Lazy, constant-memory lists with page-level access and resumable cursors. */
@NullMarked
package dev.lightspeedsync.client.pagination;

import org.jspecify.annotations.NullMarked;
