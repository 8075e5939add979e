/** Implementation of the testkit. Not API: may change in any release. */
package dev.lightspeedsync.testkit.internal;
