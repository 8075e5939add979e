/**
 * Immutable models of Lightspeed eCom (C-Series) resources. The quirks of the wire format are
 * absorbed: {@code false}, {@code ""} and null all read as {@link java.util.Optional#empty()} (for
 * objects, relations, numbers and strings alike), numbers may arrive as strings, money is
 * {@link java.math.BigDecimal}, times are {@link java.time.Instant}s, relations are typed
 * {@link dev.lightspeedsync.client.ecom.model.Relation}s, and enums are open (unknown values map to
 * {@code UNKNOWN} and the raw value stays available). Unknown fields are ignored. Immutable and
 * thread-safe.
 */
@NullMarked
@SdkStyle
package dev.lightspeedsync.client.ecom.model;

import dev.lightspeedsync.client.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
