/** Not API: implementation details that may change in any release. */
@NullMarked
package dev.lightspeedsync.client.internal;

import org.jspecify.annotations.NullMarked;
