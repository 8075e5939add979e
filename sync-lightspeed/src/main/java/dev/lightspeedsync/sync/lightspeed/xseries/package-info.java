/**
 * X-Series (Lightspeed Retail X-Series, ex Vend, API 2.0) adapters: outlets are locations, every
 * product row (variant) is a SKU, and every list is walked by the global {@code version} cursor.
 * {@code XSeriesConnector} reads; {@code XSeriesWriter} pushes stock, receives consignments and
 * exports products and customers.
 */
@NullMarked
package dev.lightspeedsync.sync.lightspeed.xseries;

import org.jspecify.annotations.NullMarked;
