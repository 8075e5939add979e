/** Inputs of the eCom client's writes. Immutable and thread-safe. */
@NullMarked
@SdkStyle
package dev.lightspeedsync.client.ecom.write;

import dev.lightspeedsync.client.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
