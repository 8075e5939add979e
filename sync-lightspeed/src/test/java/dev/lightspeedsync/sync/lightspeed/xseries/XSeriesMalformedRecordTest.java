package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.SyncReport;
import dev.lightspeedsync.sync.engine.SyncStream;
import dev.lightspeedsync.sync.lightspeed.EngineRun;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A record that does not decode goes to the connection log as MALFORMED_RECORD, and the rest of its
 * page is stored. The testkit only serves well-formed records, so this retailer is a loopback
 * server scripted from the API 2.0 page shape.
 */
class XSeriesMalformedRecordTest {
  private static final Map<String, String[]> PAGES = Map.of(
      "/api/2.0/outlets", new String[] {
          "{\"data\":[{\"id\":\"o-1\",\"name\":\"Main Street\",\"deleted_at\":null,\"version\":1}],"
              + "\"version\":{\"min\":1,\"max\":1}}"},
      "/api/2.0/products", new String[] {
          "{\"data\":[{\"id\":\"p-good\",\"name\":\"Mug\",\"sku\":\"MUG-1\",\"active\":true,\"has_inventory\":true,"
              + "\"price_excluding_tax\":\"4.00\",\"deleted_at\":null,\"version\":2},"
              + "{\"id\":\"p-bad\",\"name\":\"Broken\",\"price_excluding_tax\":\"four dollars\",\"version\":3}],"
              + "\"version\":{\"min\":2,\"max\":3}}"},
      "/api/2.0/customers", new String[] {
          "{\"data\":[{\"id\":\"c-good\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"version\":4},"
              + "{\"id\":\"c-bad\",\"first_name\":\"Bad\",\"balance\":\"lots\",\"version\":5}],"
              + "\"version\":{\"min\":4,\"max\":5}}"},
      "/api/2.0/inventory", new String[] {
          "{\"data\":[{\"id\":\"i-good\",\"product_id\":\"p-good\",\"outlet_id\":\"o-1\",\"inventory_level\":3,"
              + "\"version\":6},{\"id\":\"i-bad\",\"product_id\":\"p-good\",\"inventory_level\":2,\"version\":7}],"
              + "\"version\":{\"min\":6,\"max\":7}}"},
      "/api/2.0/sales", new String[] {
          "{\"data\":[{\"id\":\"s-good\",\"outlet_id\":\"o-1\",\"status\":\"CLOSED\","
              + "\"sale_date\":\"2026-05-01T10:00:00+00:00\",\"line_items\":[{\"id\":\"l-1\",\"product_id\":"
              + "\"p-good\",\"quantity\":1,\"price\":4.0}],\"version\":8},"
              + "{\"id\":\"s-bad\",\"status\":\"CLOSED\",\"total_price\":\"many\",\"version\":9},"
              + "{\"id\":\"s-undated\",\"outlet_id\":\"o-1\",\"status\":\"CLOSED\",\"version\":10}],"
              + "\"version\":{\"min\":8,\"max\":10}}"});

  private HttpServer http;
  private XSeriesClient client;

  @BeforeEach
  void start() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      String[] pages = PAGES.get(exchange.getRequestURI().getPath());
      String query = exchange.getRequestURI().getQuery();
      String body;
      int status = 200;
      if (pages == null) {
        status = 404;
        body = "{\"error\":\"Not Found\"}";
      } else {
        // the first page answers after=0; every later cursor gets the empty page that ends the walk
        body = query != null && query.contains("after=0") ? pages[0] : "{\"data\":[],\"version\":{\"min\":null,\"max\":null}}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-RateLimit-Limit", "350");
      exchange.getResponseHeaders().add("X-RateLimit-Remaining", "349");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    http.start();
    client = XSeriesClient.builder().domainPrefix("scripted")
        .baseUrl("http://127.0.0.1:" + http.getAddress().getPort() + "/").personalToken("token-1").build();
  }

  @AfterEach
  void stop() {
    client.close();
    http.stop(0);
  }

  @Test
  void aProductThatCannotBeReadIsLoggedAndTheRestOfItsPageIsStored() {
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun run = new EngineRun(XSeriesConnector.builder().client(client).build(), sink, SyncSettings.defaults(),
        Clock.systemUTC());

    SyncReport report = run.run(Set.of(SyncStream.CATALOGUE));

    assertThat(report.complete()).as(report.toString()).isTrue();
    assertThat(sink.findSkus(List.of("p-good", "p-bad"))).containsOnlyKeys("p-good");
    List<RecordIssue> log = sink.openIssues(RecordKind.SKU);
    assertThat(log).filteredOn(i -> i.reason() == ReasonCode.MALFORMED_RECORD).singleElement().satisfies(i -> {
      assertThat(i.recordId()).isEqualTo("p-bad");
      assertThat(i.problem()).contains("Product p-bad could not be read");
    });
    assertThat(EngineRun.stream(report, SyncStream.CATALOGUE).rejected()).isEqualTo(1);
    assertThat(sink.checkpoint(run.streamName(SyncStream.CATALOGUE)).orElseThrow().position()).contains("bm=S%3A3");
  }

  @Test
  @DisplayName("issue 14: every customer, stock record and sale that fails gets a connection-log entry; the rest is stored")
  void everyFailedRecordOfEveryStreamIsInTheConnectionLog() {
    InMemorySyncSink sink = new InMemorySyncSink();
    EngineRun run = new EngineRun(XSeriesConnector.builder().client(client).build(), sink, SyncSettings.defaults(),
        Clock.systemUTC());

    SyncReport report = run.run(Set.of(SyncStream.LOCATIONS, SyncStream.CATALOGUE, SyncStream.CUSTOMERS,
        SyncStream.STOCK, SyncStream.SALES));

    assertThat(report.complete()).as(report.toString()).isTrue();
    assertThat(sink.findCustomers(List.of("c-good", "c-bad"))).containsOnlyKeys("c-good");
    assertThat(sink.openIssues(RecordKind.CUSTOMER)).singleElement().satisfies(i -> {
      assertThat(i.recordId()).isEqualTo("c-bad");
      assertThat(i.reason()).isEqualTo(ReasonCode.MALFORMED_RECORD);
      assertThat(i.remedy()).isNotBlank();
    });
    assertThat(sink.findStock(List.of("p-good"))).singleElement().satisfies(l -> assertThat(l.onHand()).isEqualTo(3));
    assertThat(sink.openIssues(RecordKind.STOCK)).singleElement().satisfies(i -> {
      assertThat(i.recordId()).isEqualTo("i-bad");
      assertThat(i.problem()).contains("outlet_id");
    });
    assertThat(sink.findSales(List.of("s-good", "s-bad", "s-undated"))).containsOnlyKeys("s-good");
    assertThat(sink.openIssues(RecordKind.SALES_ORDER)).extracting(RecordIssue::recordId)
        .containsExactlyInAnyOrder("s-bad", "s-undated");
    assertThat(EngineRun.stream(report, SyncStream.CUSTOMERS).rejected()).isEqualTo(1);
    assertThat(sink.openIssues(RecordKind.SALES_ORDER)).filteredOn(i -> i.recordId().equals("s-undated"))
        .singleElement().satisfies(i -> assertThat(i.problem()).contains("no sale_date"));
  }
}
