/** Not API: implementation details that may change in any release. */
@NullMarked
package dev.lightspeedsync.client.internal.json;

import org.jspecify.annotations.NullMarked;
