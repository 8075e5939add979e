package dev.lightspeedsync.sync.lightspeed;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.Sleeper;
import dev.lightspeedsync.sync.engine.StreamReport;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncRequest;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.spi.Connector;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Test shorthand: one connector, one sink, one engine, and the calls the connector tests make. */
public final class EngineRun {
  private final SyncEngine engine;
  private final Connector connector;

  public EngineRun(Connector connector, SyncSink sink, SyncSettings settings, Clock clock) {
    this.engine = SyncEngine.builder().sink(sink).settings(settings).clock(clock).build();
    this.connector = connector;
  }

  /** With the engine waiting for rate-limit windows on {@code sleeper} (a test's API clock), never really. */
  public EngineRun(Connector connector, SyncSink sink, SyncSettings settings, Clock clock, Sleeper sleeper) {
    this.engine = SyncEngine.builder().sink(sink).settings(settings).clock(clock).sleeper(sleeper).build();
    this.connector = connector;
  }

  public SyncReport runOnce() {
    return engine.run(connector);
  }

  public SyncReport run(Set<SyncStream> streams) {
    return engine.run(connector, SyncRequest.builder().streams(streams).build());
  }

  public SyncReport reimportFrom(Instant from, Set<SyncStream> streams) {
    return engine.run(connector, SyncRequest.builder().streams(streams).reimportFrom(from).build());
  }

  public String streamName(SyncStream stream) {
    return SyncEngine.checkpointName(connector.accountKey(), stream);
  }

  /** The report of a stream that must have run. */
  public static StreamReport stream(SyncReport report, SyncStream stream) {
    return report.stream(stream).orElseThrow(() -> new AssertionError(stream + " did not run: " + report));
  }
}
