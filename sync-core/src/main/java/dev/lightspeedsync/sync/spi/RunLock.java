package dev.lightspeedsync.sync.spi;

/**
 * An exclusive hold on one account's sync run, taken with {@link SyncSink#tryLockRun(String)} and
 * released by {@link #close()}. Closing twice is harmless. A lock must also be released when the
 * process that holds it dies (a database session lock, or a lock row with a lease), so that a crash
 * never blocks an account for good.
 */
public interface RunLock extends AutoCloseable {
  /** Releases the lock; never throws. */
  @Override
  void close();
}
