package dev.lightspeedsync.sync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.sync.spi.SyncSink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reference sink passes the contract that host sinks extend. */
class InMemorySyncSinkTest extends SyncSinkContract {
  @Override
  protected SyncSink newSink() {
    return new InMemorySyncSink();
  }

  @Override
  protected SyncSink reopen(SyncSink sink) {
    return ((InMemorySyncSink) sink).reopen();
  }

  @Test
  @DisplayName("toString shows sizes only, never record contents")
  void toStringShowsSizes() {
    assertThat(new InMemorySyncSink().toString()).isEqualTo(
        "InMemorySyncSink{skus=0, stock=0, sales=0, purchaseOrders=0, ledger=0, issues=0}");
  }
}
