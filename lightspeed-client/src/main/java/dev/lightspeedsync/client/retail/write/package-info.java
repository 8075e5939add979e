/**
 * Immutable inputs of R-Series writes, validated when built: a bad value fails at {@code build()}
 * with a message naming the field, before any request is sent.
 */
@NullMarked
@SdkStyle
package dev.lightspeedsync.client.retail.write;

import dev.lightspeedsync.client.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
