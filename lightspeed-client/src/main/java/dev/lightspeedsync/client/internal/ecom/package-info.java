/** Not API: the eCom (C-Series) wire details (JSON leniency, rate-limit headers, URLs, auth). */
@NullMarked
package dev.lightspeedsync.client.internal.ecom;

import org.jspecify.annotations.NullMarked;
