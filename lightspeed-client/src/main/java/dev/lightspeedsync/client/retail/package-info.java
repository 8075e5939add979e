/**
 * The Lightspeed Retail (R-Series) client: {@link dev.lightspeedsync.client.retail.RetailClient}.
 */
@NullMarked
package dev.lightspeedsync.client.retail;

import org.jspecify.annotations.NullMarked;
