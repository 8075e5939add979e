/**
 * Typed clients for the Lightspeed APIs. Start with {@link dev.lightspeedsync.client.retail.RetailClient}
 * for Lightspeed Retail (R-Series).
 */
@NullMarked
package dev.lightspeedsync.client;

import org.jspecify.annotations.NullMarked;
