package dev.lightspeedsync.sync.testing;

import dev.lightspeedsync.sync.spi.ForwardingSyncSink;
import dev.lightspeedsync.sync.spi.SyncSink;

/** A decorator that overrides nothing behaves exactly like its delegate: every call is forwarded. */
class ForwardingSyncSinkTest extends SyncSinkContract {
  private static final class Plain extends ForwardingSyncSink {
    final InMemorySyncSink inner;

    Plain(InMemorySyncSink inner) {
      super(inner);
      this.inner = inner;
    }
  }

  @Override
  protected SyncSink newSink() {
    return new Plain(new InMemorySyncSink());
  }

  @Override
  protected SyncSink reopen(SyncSink sink) {
    return new Plain(((Plain) sink).inner.reopen());
  }
}
