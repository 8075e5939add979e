/**
 * Micrometer metrics for the Lightspeed clients: {@link dev.lightspeedsync.micrometer.LightspeedMetrics}
 * is a {@link dev.lightspeedsync.client.ClientListener} that records each account's requests,
 * rate-limit waits, 429s, retries and rate-limit state as meters in a host's
 * {@code MeterRegistry}. Optional: add this module only if the host uses Micrometer.
 */
@NullMarked
package dev.lightspeedsync.micrometer;

import org.jspecify.annotations.NullMarked;
