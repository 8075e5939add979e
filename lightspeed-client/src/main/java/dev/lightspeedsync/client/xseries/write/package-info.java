/**
 * Immutable inputs of X-Series writes, validated when built: a bad value fails at {@code build()}
 * with a message naming the field, before any request is sent. Ids are the UUID strings the API
 * returns.
 */
@NullMarked
@SdkStyle
package dev.lightspeedsync.client.xseries.write;

import dev.lightspeedsync.client.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
