package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import dev.lightspeedsync.examples.process.ChildJvm;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.TestkitConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code webhooks} end to end against the testkit's eCom fake, which delivers signed webhooks to
 * the addresses registered at it: the app registers its local URL, a product created in the shop
 * is in the database with no sync run, an order change is stored and handed over, a replayed
 * delivery changes no row, and a delivery with a forged signature is refused with 401 and stores
 * nothing. The command runs in this JVM on a thread and is stopped as SIGTERM would stop it.
 */
class WebhooksCommandTest {
  static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  LightspeedTestServer server;
  EcomCredentials creds;
  String db;
  final ExecutorService runner = Executors.newSingleThreadExecutor();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  WebhooksCommand command;
  Future<Integer> exit;
  /** What the testkit delivered to the test's own recorder: raw headers and body, for replays. */
  final List<Recorded> recorded = new CopyOnWriteArrayList<>();
  HttpServer recorder;

  record Recorded(Map<String, String> headers, String body) {}

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(31).items(0).sales(0).orders(0).products(30)
        .ecomOrders(30).build());
    creds = server.ecomCredentials();
    db = "jdbc:h2:file:" + dir.resolve("hooks").toAbsolutePath() + ";WRITE_DELAY=0";
  }

  @AfterEach
  void stop() throws Exception {
    if (command != null) {
      command.stop();
      exit.get(60, TimeUnit.SECONDS);
    }
    runner.shutdownNow();
    if (recorder != null) {
      recorder.stop(0);
    }
    server.close();
  }

  private List<String> args(String... extra) {
    List<String> a = new ArrayList<>(List.of("--base-url", server.ecomBaseUrl().toString(), "--api-key", creds.apiKey(),
        "--api-secret", creds.apiSecret(), "--language", creds.language(), "--db", db, "--port", "0"));
    a.addAll(List.of(extra));
    return a;
  }

  /** Starts the command on a thread, as {@code LightspeedSyncApp} would run it, and waits until it listens. */
  private URI startApp(List<String> args) throws Exception {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    command = new WebhooksCommand(o, e);
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      e.println("error: " + LightspeedSyncApp.message(ex));
      return LightspeedSyncApp.exitCode(ex);
    });
    exit = runner.submit(() -> cli.execute(args.toArray(String[]::new)));
    return command.listening().get(60, TimeUnit.SECONDS);
  }

  private int stopApp() throws Exception {
    command.stop();
    int code = exit.get(60, TimeUnit.SECONDS);
    command = null;
    return code;
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Subscribes a recorder of raw deliveries (the test's own endpoint) to {@code group}. */
  private void record(String group) throws Exception {
    recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    recorder.createContext("/", ex -> {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
      try (InputStream in = ex.getRequestBody()) {
        recorded.add(new Recorded(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    recorder.start();
    try (EcomClient client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).build()) {
      client.createWebhook(WebhookSettings.builder().itemGroup(group).itemAction("*")
          .address("http://127.0.0.1:" + recorder.getAddress().getPort() + "/").build());
    }
  }

  private static HttpResponse<String> post(URI url, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach((k, v) -> {
      if (k.toLowerCase(java.util.Locale.ROOT).startsWith("x-") || k.equalsIgnoreCase("Content-Type")) {
        b.header(k, v);
      }
    });
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String md5(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private Map<String, Object> skuRow(long variantId) throws Exception {
    List<Map<String, Object>> rows = rows("SELECT id, sku, name, active, visibility FROM ls_sku WHERE id = '" + variantId + "'");
    return rows.isEmpty() ? Map.of() : rows.get(0);
  }

  private List<Map<String, Object>> rows(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> out = new ArrayList<>();
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new TreeMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** Every row the sync tables hold, for comparing the database before and after a delivery. */
  private Map<String, List<String>> snapshot() throws Exception {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String t : List.of("ls_sku", "ls_sku_price", "ls_sku_listing", "ls_stock_level", "ls_sales_order", "ls_sales_line",
        "ls_demand", "ls_order_import", "ls_order_import_line", "ls_supplier", "ls_location", "ls_connection_log",
        "ls_checkpoint", "ls_ledger")) {
      tables.put(t, rows("SELECT * FROM " + t).stream().map(Object::toString).sorted().collect(Collectors.toList()));
    }
    return tables;
  }

  @Test
  void aNewProductIsInTheDatabaseRightAfterItsWebhookWithoutASyncAndItsDeletionDeactivatesIt() throws Exception {
    URI url = startApp(args());

    assertThat(server.ecom().stream("webhooks").filter(w -> w.require("address").equals(url.toString()))
        .map(w -> w.require("itemGroup") + "/" + w.require("itemAction")))
        .containsExactlyInAnyOrder("products/*", "variants/*", "orders/*");
    assertThat(out()).contains("Listening on " + url);

    TestkitRecord variant = server.ecom().createProduct("Travel mug", "visible", "MUG-T", 5, new BigDecimal("14.95"),
        new BigDecimal("6.20"));
    server.ecom().awaitWebhooks(DELIVERY_TIMEOUT);

    assertThat(server.ecom().webhooksFailed()).as(err()).isZero();
    assertThat(server.ecom().webhooksDelivered()).as("products/created and variants/created, each answered 200").isEqualTo(2);
    // the testkit saw 200 only after the app committed: the row is there as soon as the delivery returned
    assertThat(skuRow(variant.id())).containsEntry("sku", "MUG-T").containsEntry("active", true)
        .hasEntrySatisfying("name", n -> assertThat((String) n).startsWith("Travel mug"));
    assertThat(rows("SELECT on_hand FROM ls_stock_level WHERE sku_id = '" + variant.id() + "'"))
        .singleElement().satisfies(r -> assertThat(((Number) r.get("on_hand")).longValue()).isEqualTo(5));
    assertThat(rows("SELECT * FROM ls_checkpoint")).as("no sync ran").isEmpty();
    assertThat(out()).as("a targeted read per delivery, not a catalogue walk").contains("applied products/created #"
        + variant.getLong("product") + ": stored catalogue 1, stock 1 (2 requests)",
        "applied variants/created #" + variant.id() + ": stored catalogue 1, stock 1 (1 request)");

    // deleted in the back office: the API has no tombstones, the deliveries deactivate the SKU (kept, never erased)
    server.ecom().deleteProduct(variant.getLong("product"));
    server.ecom().awaitWebhooks(DELIVERY_TIMEOUT);
    assertThat(server.ecom().webhooksFailed()).as(err()).isZero();
    assertThat(skuRow(variant.id())).containsEntry("sku", "MUG-T").containsEntry("active", false);

    assertThat(stopApp()).isZero();
    assertThat(out()).contains("Stopped: 4 deliveries applied, 0 refused", "Unregistered 3 webhooks");
    assertThat(server.ecom().count("webhooks")).as("the local address is gone with the app").isZero();
    assertThat(out() + err()).doesNotContain(creds.apiSecret(), creds.apiKey());
  }

  @Test
  void anOrderDeliveryIsStoredAndHandedOverOnceAndAReplayChangesNothing() throws Exception {
    record("orders");
    URI url = startApp(args("--orders", "paid"));
    TestkitRecord order = server.ecom().stream("orders").filter(o -> o.require("paymentStatus").equals("not_paid")
        && o.require("shipmentStatus").equals("not_shipped") && !o.require("status").equals("cancelled"))
        .findFirst().orElseThrow();

    server.ecom().setOrderStatus(order.id(), "processing_awaiting_shipment", "paid", "not_shipped");
    server.ecom().awaitWebhooks(DELIVERY_TIMEOUT);

    assertThat(server.ecom().webhooksFailed()).as(err()).isZero();
    String id = Long.toString(order.id());
    assertThat(rows("SELECT payment_status FROM ls_sales_order WHERE id = '" + id + "'"))
        .singleElement().satisfies(r -> assertThat(r.get("payment_status")).isEqualTo("PAID"));
    assertThat(rows("SELECT order_id FROM ls_order_import")).as("handed over").singleElement()
        .satisfies(r -> assertThat(r.get("order_id")).isEqualTo(id));
    assertThat(rows("SELECT * FROM ls_order_import_line WHERE order_id = '" + id + "'"))
        .hasSize(server.ecom().linesOf(order.id()).size());
    // the order's products were imported with it (seed 003: missing products first)
    assertThat(rows("SELECT COUNT(*) AS n FROM ls_sku")).singleElement()
        .satisfies(r -> assertThat(((Number) r.get("n")).longValue()).isPositive());

    Recorded delivery = recorded.stream().filter(r -> r.headers().get("X-Event").equals("orders/updated")).findFirst()
        .orElseThrow();
    Map<String, List<String>> before = snapshot();
    HttpResponse<String> replay = post(url, delivery.headers(), delivery.body());

    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(snapshot()).as("the same delivery again: every row as it was, the order handed over once").isEqualTo(before);
  }

  @Test
  void deliveriesAndPollingStoreTheSameRowsAndADeliveryDuringASyncIsAnswered503() throws Exception {
    List<String> sync = List.of("sync", "--platform", "ecom", "--base-url", server.ecomBaseUrl().toString(), "--api-key",
        creds.apiKey(), "--api-secret", creds.apiSecret(), "--language", creds.language(), "--db", db, "--progress", "none");
    AppRun first = AppRun.of(sync.toArray(String[]::new));
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<Map<String, Object>> checkpoints = rows("SELECT stream, position FROM ls_checkpoint");
    String catalogue = checkpoints.stream().map(r -> (String) r.get("stream")).filter(n -> n.endsWith(":CATALOGUE"))
        .findFirst().orElseThrow();
    String accountKey = catalogue.substring(0, catalogue.length() - ":CATALOGUE".length());
    record("variants");
    URI url = startApp(args());

    // a sync of the same shop holds the run lock (the key sync used): the delivery is not applied, and says so
    TestkitRecord variant;
    try (dev.lightspeedsync.examples.jdbc.ConnectionPool pool = dev.lightspeedsync.examples.jdbc.ConnectionPool.open(db);
        dev.lightspeedsync.sync.spi.RunLock lock = new dev.lightspeedsync.examples.jdbc.JdbcSyncSink(pool)
            .tryLockRun(accountKey).orElseThrow()) {
      variant = server.ecom().createProduct("Lunch box", "visible", "BOX-1", 3, new BigDecimal("9.95"),
          new BigDecimal("4.10"));
      server.ecom().awaitWebhooks(DELIVERY_TIMEOUT);
      assertThat(server.ecom().webhooksFailed()).as("answered 503, for Lightspeed to send again").isEqualTo(2);
      assertThat(skuRow(variant.id())).isEmpty();
    }
    assertThat(err()).contains("not applied variants/created #" + variant.id() + " (HTTP 503");
    Recorded created = recorded.stream().filter(r -> r.headers().get("X-Event").equals("variants/created")).findFirst()
        .orElseThrow();
    HttpResponse<String> again = post(url, created.headers(), created.body());
    assertThat(again.statusCode()).as("sent again after the sync: applied").isEqualTo(200);
    assertThat(again.headers().firstValue("Retry-After")).isEmpty();
    Map<String, Object> fromWebhook = skuRow(variant.id());
    assertThat(fromWebhook).containsEntry("sku", "BOX-1");
    assertThat(rows("SELECT stream, position FROM ls_checkpoint")).as("deliveries leave the checkpoints alone")
        .isEqualTo(checkpoints);
    assertThat(stopApp()).isZero();

    Map<String, List<String>> before = snapshot();
    AppRun second = AppRun.of(sync.toArray(String[]::new));
    assertThat(second.exitCode()).as(second.err()).isZero();

    assertThat(skuRow(variant.id())).as("the incremental sync reads the product and stores what the webhook stored")
        .isEqualTo(fromWebhook);
    Map<String, List<String>> after = snapshot();
    for (String moved : List.of("ls_checkpoint", "ls_connection_log")) { // a sync moves its checkpoints, re-dates its findings
      after.remove(moved);
      before.remove(moved);
    }
    assertThat(after).as("every row as the deliveries left it").isEqualTo(before);
  }

  @Test
  void aForgedSignatureIsRefusedWith401AndNothingIsStored() throws Exception {
    URI url = startApp(args());
    // a variant the shop has, never delivered to the app (no sync ran): a forged call must not bring it in
    TestkitRecord variant = server.ecom().stream("variants").filter(v -> !v.require("stockTracking").equals("disabled"))
        .filter(v -> List.of("visible", "auto").contains(server.ecom().get("products", v.getLong("product")).orElseThrow()
            .require("visibility"))).findFirst().orElseThrow();
    String body = "{\"variant\":{\"id\":" + variant.id() + ",\"title\":\"forged\"}}";
    Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Shop-Id", Long.toString(creds.shopId()),
        "X-Cluster-Id", "eu1", "X-Event", "variants/updated", "X-Format", "json", "X-Language", creds.language());
    Map<String, String> forged = new TreeMap<>(headers);
    forged.put("X-Signature", md5(body + "not-the-secret"));

    HttpResponse<String> refused = post(url, forged, body);
    HttpResponse<String> unsigned = post(url, headers, body);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(skuRow(variant.id())).isEmpty();
    assertThat(rows("SELECT * FROM ls_sku")).isEmpty();
    assertThat(err()).contains("refused variants/updated from 127.0.0.1 (HTTP 401): X-Signature does not match",
        "(HTTP 401): no X-Signature").doesNotContain(creds.apiSecret(), forged.get("X-Signature"), "forged");

    // the signature is checked before the body is decoded: an unsigned body that is not JSON is a 401, not a 400
    assertThat(post(url, forged, "{not json").statusCode()).isEqualTo(401);
    Map<String, String> noEvent = new TreeMap<>(forged);
    noEvent.remove("X-Event");
    assertThat(post(url, noEvent, body).statusCode()).isEqualTo(401);

    // the same call signed with the shop's secret is applied: the refusal was the signature's
    Map<String, String> signed = new TreeMap<>(headers);
    signed.put("X-Signature", md5(body + creds.apiSecret()));
    assertThat(post(url, signed, body).statusCode()).isEqualTo(200);
    assertThat(skuRow(variant.id())).isNotEmpty();
  }

  @Test
  void requestsThatAreNotDeliveriesAreAnsweredWithoutTouchingTheDatabase() throws Exception {
    URI url = startApp(args());
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> elsewhere = post(url.resolve("/other"), Map.of(), "{}");
    HttpResponse<String> noEvent = post(url, Map.of("X-Signature", md5("{}" + creds.apiSecret())), "{}");

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(noEvent.statusCode()).isEqualTo(400);
    assertThat(rows("SELECT * FROM ls_sku")).isEmpty();
  }

  @Test
  void theEmbeddedShopsActivityIsAppliedFromItsDeliveries() throws Exception {
    startApp(List.of("--db", db, "--testkit-items", "40", "--testkit-sales", "40", "--port", "0"));
    // ready once the app's own activity was delivered and answered
    assertThat(rows("SELECT active FROM ls_sku WHERE sku = 'WEBHOOK-DEMO-1'")).as(out() + err()).singleElement()
        .satisfies(r -> assertThat(r.get("active")).isEqualTo(true));
    assertThat(rows("SELECT payment_status FROM ls_sales_order")).as("the paid order's delivery").singleElement()
        .satisfies(r -> assertThat(r.get("payment_status")).isEqualTo("PAID"));
    assertThat(out()).contains("Starting the embedded Lightspeed testkit", "Webshop activity: 1 new product",
        "3 deliveries applied");
    assertThat(stopApp()).isZero();
  }

  @Test
  void sigtermStopsTheAppCleanlyAfterWhatItAnswered200IsCommitted() throws Exception {
    // the app's main in a child JVM: the testkit in this JVM delivers to the child's port
    ChildJvm child = ChildJvm.start(dir, LightspeedSyncApp.class, Stream.concat(Stream.of("webhooks"), args().stream())
        .toArray(String[]::new));
    TestkitRecord variant;
    try {
      String listening = child.awaitLine("Listening on ", 120);
      assertThat(listening).matches("Listening on http://127\\.0\\.0\\.1:\\d+/lightspeed-sync/webhooks");
      variant = server.ecom().createProduct("Flask", "auto", "FLASK-1", 2, new BigDecimal("19.00"), new BigDecimal("8.00"));
      server.ecom().awaitWebhooks(DELIVERY_TIMEOUT);
      assertThat(server.ecom().webhooksDelivered()).as(child.err()).isEqualTo(2);
      child.sigterm();
      int code = child.waitFor(90);

      assertThat(code).as(child.err()).isEqualTo(ExitCodes.SIGTERM);
      assertThat(child.out()).contains("Stopped: 2 deliveries applied, 0 refused", "Unregistered 3 webhooks");
      assertThat(child.err()).doesNotContain("Exception", "\tat ", creds.apiSecret());
    } finally {
      child.close();
    }
    assertThat(skuRow(variant.id())).containsEntry("sku", "FLASK-1").containsEntry("active", true);
    assertThat(server.ecom().count("webhooks")).isZero();
  }

  @Test
  void readOnlyRegistersNothingAndServesWhatTheShopHasRegistered() throws Exception {
    URI url = startApp(args("--read-only"));

    assertThat(server.ecom().count("webhooks")).as("no write to Lightspeed").isZero();
    assertThat(out()).contains("Webhooks not registered (--read-only");
    try (EcomClient client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).build()) {
      client.createWebhook(WebhookSettings.builder().itemGroup("variants").itemAction("*").address(url.toString()).build());
    }
    TestkitRecord variant = server.ecom().createProduct("Tea tin", "visible", "TIN-1", 7, new BigDecimal("5.00"),
        new BigDecimal("2.00"));
    server.ecom().awaitWebhooks(DELIVERY_TIMEOUT);
    assertThat(skuRow(variant.id())).containsEntry("sku", "TIN-1");
    assertThat(stopApp()).isZero();
    assertThat(server.ecom().count("webhooks")).as("the shop's own registration stays").isEqualTo(1);
  }

  @Test
  void optionsAreCheckedBeforeAnythingOpens() {
    AppRun remote = AppRun.of("webhooks", "--base-url", "https://api.webshopapp.com/", "--api-key", "k", "--api-secret",
        "secret-value", "--db", db);
    AppRun plainHttp = AppRun.of("webhooks", "--public-url", "http://hooks.example.com/x", "--db", db);
    AppRun badPort = AppRun.of("webhooks", "--port", "70000", "--db", db);
    AppRun noSecret = AppRun.of("webhooks", "--base-url", server.ecomBaseUrl().toString(), "--api-key", "k", "--db", db);
    AppRun retail = AppRun.of("webhooks", "--platform", "retail", "--db", db);

    assertThat(remote.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(remote.err()).contains("--public-url is needed").doesNotContain("secret-value");
    assertThat(plainHttp.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(plainHttp.err()).contains("--public-url must be an https URL", "plain http only to a loopback address");
    assertThat(badPort.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noSecret.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noSecret.err()).contains("needs --api-secret");
    assertThat(retail.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(retail.err()).contains("webhooks runs with --platform ecom only");
    assertThat(dir.resolve("hooks.mv.db")).as("no database opened").doesNotExist();
  }

  @Test
  void helpListsTheOptionsAndExitCodes() {
    AppRun help = AppRun.of("webhooks", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--port", "--public-url", "--base-url", "--api-secret", "--db", "--orders",
        "X-Signature", "Exit status:");
  }
}
