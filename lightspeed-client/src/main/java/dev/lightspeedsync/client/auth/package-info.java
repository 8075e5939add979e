/** OAuth credentials and the token store SPI through which rotated tokens are persisted. */
@NullMarked
package dev.lightspeedsync.client.auth;

import org.jspecify.annotations.NullMarked;
