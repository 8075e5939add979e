/**
 * Typed clients for the Lightspeed APIs: {@link dev.lightspeedsync.client.retail.RetailClient} for
 * Lightspeed Retail (R-Series) and {@link dev.lightspeedsync.client.ecom.EcomClient} for Lightspeed
 * eCom (C-Series). This package holds what both share: the listener, retry configuration and the
 * sleeper through which every wait goes.
 */
@NullMarked
package dev.lightspeedsync.client;

import org.jspecify.annotations.NullMarked;
