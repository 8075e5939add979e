/** Typed R-Series list queries: filters with every documented operator, relations, sort and page size. */
@NullMarked
package dev.lightspeedsync.client.retail.query;

import org.jspecify.annotations.NullMarked;
