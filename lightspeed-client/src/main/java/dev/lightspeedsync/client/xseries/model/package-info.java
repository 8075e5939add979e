/**
 * Immutable models of Lightspeed Retail X-Series (API 2.0) resources. Ids are UUID strings, times
 * are {@link java.time.Instant}s (X-Series times are UTC), money and quantities are
 * {@link java.math.BigDecimal} (also when the spec sends them as strings), absent values are
 * {@link java.util.Optional#empty()}, lists are never null, and enums are open (unknown values map
 * to {@code UNKNOWN} and the raw value stays available). Every record that pages by version carries
 * {@code version()}, the incremental-sync bookmark. Unknown fields are ignored. Immutable and
 * thread-safe.
 */
@NullMarked
@SdkStyle
package dev.lightspeedsync.client.xseries.model;

import dev.lightspeedsync.client.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
