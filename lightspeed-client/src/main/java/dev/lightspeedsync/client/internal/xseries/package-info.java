/** Not API: implementation details of the X-Series client that may change in any release. */
@NullMarked
package dev.lightspeedsync.client.internal.xseries;

import org.jspecify.annotations.NullMarked;
