package dev.lightspeedsync.sync.engine;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One fake account and its host: the truth, a fake clock (a day after the truth's records), the
 * stored state and the sink the engine writes through. {@link #restart()} is a new process over
 * the same storage.
 */
final class Harness {
  final FakeTruth truth;
  final FakeClock clock = new FakeClock(FakeTruth.T0.plus(Duration.ofDays(1)));
  final InMemorySyncSink store = new InMemorySyncSink();
  RecordingSink sink = new RecordingSink(store);
  SyncSettings settings = SyncSettings.defaults();
  Consumer<SyncEngine.Builder> engineOptions = b -> {};
  Consumer<FakeConnector> connectorOptions = c -> {};
  /** The connector of the latest {@link #run}. */
  FakeConnector last;

  Harness(int skus) {
    this.truth = FakeTruth.generate(skus);
  }

  FakeConnector connector() {
    FakeConnector c = new FakeConnector(truth, clock);
    connectorOptions.accept(c);
    last = c;
    return c;
  }

  SyncEngine engine() {
    SyncEngine.Builder b = SyncEngine.builder().sink(sink).settings(settings).clock(clock).sleeper(clock.sleeper());
    engineOptions.accept(b);
    return b.build();
  }

  SyncReport run() {
    return run(SyncRequest.all());
  }

  /** A run with a new connector (a new client) over the same truth. */
  SyncReport run(SyncRequest request) {
    return engine().run(connector(), request);
  }

  /** After a crash: a new process over the same storage, with no fault planned. */
  void restart() {
    sink = new RecordingSink(store.reopen());
  }

  /** Lets time pass between runs. */
  void later() {
    clock.advance(Duration.ofHours(1));
  }
}
