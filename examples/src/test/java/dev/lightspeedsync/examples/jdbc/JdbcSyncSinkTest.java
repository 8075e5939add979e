package dev.lightspeedsync.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.SyncSinkContract;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC sink on an H2 file database passes the sync-core sink contract, and a few H2 specifics. */
class JdbcSyncSinkTest extends SyncSinkContract {
  @Override
  protected boolean atomicUnits() {
    return true;
  }

  @TempDir
  Path dir;

  private final List<ConnectionPool> pools = new ArrayList<>();
  private final java.util.Map<SyncSink, String> urls = new java.util.IdentityHashMap<>();
  private int databases;

  @Override
  protected SyncSink newSink() {
    String url = "jdbc:h2:file:" + dir.resolve("sink" + (databases++)).toAbsolutePath();
    return open(url);
  }

  @Override
  protected SyncSink reopen(SyncSink sink) {
    return open(urls.get(sink));
  }

  private SyncSink open(String url) {
    ConnectionPool pool = ConnectionPool.open(url);
    pools.add(pool);
    SyncSink sink = JdbcSyncSink.migrated(pool);
    urls.put(sink, url);
    poolOf.put(sink, pool);
    return sink;
  }

  private final java.util.Map<SyncSink, ConnectionPool> poolOf = new java.util.IdentityHashMap<>();

  /** H2's SHUTDOWN IMMEDIATELY drops the database like a killed process: nothing is flushed or closed. */
  @Override
  protected SyncSink crashAndReopen(SyncSink sink) {
    try (Connection c = poolOf.get(sink).connection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN IMMEDIATELY");
    } catch (java.sql.SQLException e) {
      // the connection dies with the database
    }
    poolOf.get(sink).close();
    return open(urls.get(sink));
  }

  @AfterEach
  void closePools() {
    pools.forEach(ConnectionPool::close);
  }

  @Test
  void aUnitOfWorkInWhichAWriteFailedIsNotCommittedEvenWhenTheFailureWasCaught() {
    SyncSink sink = sink();
    Sku tooLong = Sku.builder().id("x".repeat(100)).sku("X").name("id longer than the column").build();
    assertThatThrownBy(() -> sink.upsertSkus(List.of(tooLong))).as("refused, never truncated")
        .isInstanceOf(dev.lightspeedsync.sync.spi.SyncSinkException.class).hasMessageContaining("cannot upsert");

    assertThatThrownBy(() -> sink.unitOfWork(() -> {
      sink.upsertSkus(List.of(Sku.builder().id("1").sku("A").name("Bike").build()));
      try {
        sink.upsertSkus(List.of(tooLong));
      } catch (dev.lightspeedsync.sync.spi.SyncSinkException expected) {
        // a careless caller carries on
      }
      sink.saveCheckpoint(dev.lightspeedsync.sync.spi.Checkpoint.of("items", "page-2", java.time.Instant.EPOCH));
    })).isInstanceOf(dev.lightspeedsync.sync.spi.SyncSinkException.class)
        .hasMessageContaining("nothing of the unit was applied");

    assertThat(sink.findSkus(List.of("1"))).isEmpty();
    assertThat(sink.checkpoint("items")).isEmpty();
  }

  @Test
  void aUnitOfWorkIsOneTransactionThatOtherThreadsSeeOnlyOnceCommitted() throws Exception {
    SyncSink sink = sink();
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      sink.unitOfWork(() -> {
        sink.upsertSkus(List.of(Sku.builder().id("1").sku("A").name("Bike").build()));
        try {
          assertThat(other.submit(() -> sink.findSkus(List.of("1"))).get()).as("not yet committed").isEmpty();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      assertThat(other.submit(() -> sink.findSkus(List.of("1"))).get()).containsKey("1");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aConnectionLogMessageLongerThanItsColumnIsShortenedButAnIdIsNeverCut() {
    SyncSink sink = sink();
    String longText = "x".repeat(5000);
    sink.logIssues(List.of(dev.lightspeedsync.sync.model.RecordIssue.of(dev.lightspeedsync.sync.model.RecordKind.SKU,
        "1", dev.lightspeedsync.sync.model.ReasonCode.SKU_DUPLICATE, longText, "fix it", java.time.Instant.EPOCH)));

    assertThat(sink.openIssues(dev.lightspeedsync.sync.model.RecordKind.SKU)).singleElement().satisfies(i -> {
      assertThat(i.problem()).hasSize(4000).endsWith("x\u2026");
      assertThat(i.remedy()).isEqualTo("fix it");
    });
    assertThatThrownBy(() -> sink.logIssues(List.of(dev.lightspeedsync.sync.model.RecordIssue.of(
        dev.lightspeedsync.sync.model.RecordKind.SKU, "9".repeat(300), dev.lightspeedsync.sync.model.ReasonCode.SKU_MISSING,
        "p", "r", java.time.Instant.EPOCH)))).isInstanceOf(dev.lightspeedsync.sync.spi.SyncSinkException.class);
  }

  @Test
  void migratingTwiceIsANoOpAndReportsTheVersionFound() {
    ConnectionPool pool = ConnectionPool.open("jdbc:h2:file:" + dir.resolve("twice").toAbsolutePath());
    pools.add(pool);

    assertThat(Schema.migrate(pool)).isZero();
    assertThat(Schema.migrate(pool)).isEqualTo(Schema.latestVersion());
  }

  @Test
  void pricesAndCompositesRoundTripThroughRealTables() throws Exception {
    Sku box = Sku.builder().id("10").sku("BOX-6").name("Six pack").putPrices("Default", new BigDecimal("12.5000"))
        .putPrices("MSRP", new BigDecimal("15.0000"))
        .composite(CompositeDefinition.builder().compositeSkuId("10").kind(CompositeKind.BOX)
            .addComponents(Component.of("11", 6)).build())
        .build();

    sink().upsertSkus(List.of(box));

    Map<String, Sku> found = sink().findSkus(List.of("10"));
    assertThat(found.get("10")).isEqualTo(box);
    assertThat(found.get("10").prices().keySet()).containsExactly("Default", "MSRP");
    try (Connection c = pools.get(pools.size() - 1).connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ls_sku_price WHERE sku_id = '10'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
    assertThat(sink().findSkus(List.of("10")).get("10").composite()).map(CompositeDefinition::components)
        .contains(List.of(Component.of("11", 6)));
    assertThat(Optional.of(box)).isPresent();
  }

  @Test
  void aVersionThreeDatabaseMigratesToTheLatestKeepingItsData() throws Exception {
    ConnectionPool pool = ConnectionPool.open("jdbc:h2:file:" + dir.resolve("v3").toAbsolutePath());
    pools.add(pool);
    try (Connection c = pool.connection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ls_schema_version (version INT NOT NULL)");
      for (int v = 0; v < 3; v++) {
        for (String sql : Schema.MIGRATIONS.get(v)) {
          s.execute(sql);
        }
      }
      s.execute("INSERT INTO ls_schema_version (version) VALUES (3)");
      // a SKU as a version-3 sink stored it
      s.execute("INSERT INTO ls_sku (id, sku, name, visibility, stock_tracking, active, deleted)"
          + " VALUES ('1', 'BIKE 1', 'Bike', 'VISIBLE', 'ENABLED', TRUE, FALSE)");
    }
    Sku bike = Sku.builder().id("1").sku("BIKE 1").name("Bike").build();

    assertThat(Schema.migrate(pool)).isEqualTo(3);
    assertThat(Schema.latestVersion()).isGreaterThanOrEqualTo(4);

    JdbcSyncSink after = new JdbcSyncSink(pool);
    assertThat(after.findSkus(List.of("1"))).containsEntry("1", bike);
    after.upsertListings(List.of(dev.lightspeedsync.sync.model.SkuListing.builder().skuId("1").code("BIKE1").build()));
    assertThat(after.findSkuIdsByCode(List.of("BIKE1"))).containsEntry("BIKE1", List.of("1"));
  }
}
