/**
 * Test support for host applications: {@link dev.lightspeedsync.sync.testing.InMemorySyncSink}, a reference
 * {@code SyncSink}, and (in the {@code sync-core} test-jar) {@code SyncSinkContract}, the abstract JUnit 5
 * test class a host's own sink test extends.
 */
@NullMarked
package dev.lightspeedsync.sync.testing;

import org.jspecify.annotations.NullMarked;
