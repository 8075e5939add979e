/**
 * A typed client for Lightspeed eCom (C-Series, formerly SEOshop/WebshopApp). Start with
 * {@link dev.lightspeedsync.client.ecom.EcomClient}; read with
 * {@link dev.lightspeedsync.client.ecom.EcomResource}, filter with
 * {@link dev.lightspeedsync.client.ecom.EcomQuery}, and parse webhook calls with
 * {@link dev.lightspeedsync.client.ecom.WebhookDelivery}. Models live in
 * {@code dev.lightspeedsync.client.ecom.model}, write inputs in {@code dev.lightspeedsync.client.ecom.write}.
 */
@NullMarked
package dev.lightspeedsync.client.ecom;

import org.jspecify.annotations.NullMarked;
