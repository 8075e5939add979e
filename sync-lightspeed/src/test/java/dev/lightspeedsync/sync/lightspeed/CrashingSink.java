package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.sync.spi.Checkpoint;
import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.SyncSink;

/** Delegates to a sink and "kills the process" right after the n-th checkpoint. */
public final class CrashingSink extends ForwardingSyncSink {
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  private int checkpointsLeft;

  public CrashingSink(SyncSink delegate, int checkpoints) {
    super(delegate);
    this.checkpointsLeft = checkpoints;
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    super.saveCheckpoint(checkpoint);
    if (--checkpointsLeft == 0) {
      throw new Crash();
    }
  }
}
