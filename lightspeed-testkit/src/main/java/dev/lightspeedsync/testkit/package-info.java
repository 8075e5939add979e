/**
 * A faithful fake of the Lightspeed R-Series (Retail V3) and eCom (C-Series) APIs for tests, demos
 * and host applications: {@link dev.lightspeedsync.testkit.LightspeedTestServer} to run it,
 * {@link dev.lightspeedsync.testkit.TestkitConfig} to shape it,
 * {@link dev.lightspeedsync.testkit.LightspeedTestkitExtension} for JUnit 5, and
 * {@link dev.lightspeedsync.testkit.Main} to run it standalone. Everything under {@code internal}
 * is not API.
 */
@NullMarked
package dev.lightspeedsync.testkit;

import org.jspecify.annotations.NullMarked;
