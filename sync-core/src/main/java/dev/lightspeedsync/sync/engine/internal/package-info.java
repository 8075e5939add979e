/** Internals of the engine: checkpoint encoding, the rule stage, the dry-run overlay. Not API. */
@NullMarked
package dev.lightspeedsync.sync.engine.internal;

import org.jspecify.annotations.NullMarked;
