/**
 * Immutable models of R-Series resources. All quirks of the wire format (scalars as strings,
 * single-element lists as objects, {@code ""} for empty relations, {@code "0"} for absent foreign
 * keys) are absorbed: lists are never null, absent values are {@link java.util.Optional#empty()},
 * money is {@link java.math.BigDecimal} and times are {@link java.time.Instant}s.
 */
@NullMarked
@SdkStyle
package dev.lightspeedsync.client.retail.model;

import dev.lightspeedsync.client.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
