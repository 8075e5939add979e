/** Not API: implementation details that may change in any release. */
@NullMarked
package dev.lightspeedsync.client.internal.http;

import org.jspecify.annotations.NullMarked;
