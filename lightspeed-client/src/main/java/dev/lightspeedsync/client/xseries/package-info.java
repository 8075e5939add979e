/**
 * The Lightspeed Retail X-Series (API 2.0, ex Vend) client: {@link
 * dev.lightspeedsync.client.xseries.XSeriesClient}, its lists paged by the global {@code version}
 * cursor, the retailer's rate limit and the OAuth authorization-code flow.
 */
@NullMarked
package dev.lightspeedsync.client.xseries;

import org.jspecify.annotations.NullMarked;
