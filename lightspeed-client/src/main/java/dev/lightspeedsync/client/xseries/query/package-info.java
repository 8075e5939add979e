/** Typed parameters of X-Series lists: the version bounds, page size, deleted records and filters. */
@NullMarked
package dev.lightspeedsync.client.xseries.query;

import org.jspecify.annotations.NullMarked;
