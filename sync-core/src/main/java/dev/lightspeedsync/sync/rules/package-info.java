/**
 * The rule engines of DESIGN.md section 3 and their configurations. Every rule is a pure function of
 * immutable input, an immutable configuration and an {@code asOf} instant; it returns data with reason
 * codes and never logs, reads the clock or throws for a business outcome.
 */
@SdkStyle
@NullMarked
package dev.lightspeedsync.sync.rules;

import dev.lightspeedsync.sync.internal.SdkStyle;
import org.jspecify.annotations.NullMarked;
