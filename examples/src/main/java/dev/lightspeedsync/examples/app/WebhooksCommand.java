package dev.lightspeedsync.examples.app;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.model.Webhook;
import dev.lightspeedsync.client.ecom.write.WebhookSettings;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcSyncSink;
import dev.lightspeedsync.examples.jdbc.Schema;
import dev.lightspeedsync.examples.support.EmbeddedLightspeed;
import dev.lightspeedsync.examples.support.ListenerChain;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.engine.RateLimitPolicy;
import dev.lightspeedsync.sync.engine.Sleeper;
import dev.lightspeedsync.sync.engine.SyncEngine;
import dev.lightspeedsync.sync.lightspeed.SyncMetrics;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomConnector;
import dev.lightspeedsync.sync.rules.EcomOrderMode;
import dev.lightspeedsync.sync.rules.OrderImportConfig;
import dev.lightspeedsync.sync.spi.Batch;
import dev.lightspeedsync.sync.spi.TransportStats;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webhooks}: immediate imports for eCom (seed 000: "new products are imported
 * immediately"). Registers webhooks for products, variants and orders at the shop, serves them on a
 * local port (the JDK's HTTP server), verifies each delivery's {@code X-Signature} and applies it
 * through the engine to the database ({@code SyncEngine.applyChanges}, the same rules and rows as
 * {@code sync}); see {@link WebhookEndpoint} for the answers. Runs until Ctrl-C or SIGTERM, then
 * stops taking deliveries, lets the one in hand finish and closes the database.
 *
 * <p>Webhooks this run created for its own local address are deleted when it stops (nothing could
 * reach that address afterwards); those for a {@code --public-url} stay registered for the next run.
 */
@Command(name = "webhooks", mixinStandardHelpOptions = true, sortOptions = false,
    header = "eCom immediate imports: receives the shop's webhooks and stores what changed.",
    description = {
        "eCom immediate imports: registers webhooks for products, variants and orders at the shop, serves them on a local",
        "port, verifies each delivery's X-Signature (md5(body + API secret)) and stores what it changed in the database,",
        "answering 200 only once it is committed (else Lightspeed sends it again). A bad signature gets 401 and nothing is",
        "stored. Runs until Ctrl-C or SIGTERM. Run 'sync --platform ecom' for the full catalogue; webhooks bring the",
        "changes in between, and both store the same rows.",
        "Without --base-url it starts an embedded fake eCom shop (lightspeed-testkit), adds a product and pays an order,",
        "so that the deliveries can be watched.",
        "  webhooks --base-url https://api.webshopapp.com/ --api-key K --api-secret S --language nl \\",
        "           --port 8080 --public-url https://hooks.example.com/lightspeed-sync/webhooks"},
    footerHeading = "%nEnvironment variables:%n",
    footer = {
        "  LIGHTSPEED_ECOM_API_KEY    --api-key",
        "  LIGHTSPEED_ECOM_API_SECRET --api-secret",
        "  LIGHTSPEED_SYNC_DB         --db"})
final class WebhooksCommand implements Callable<Integer> {
  /** The path served, and registered, when no {@code --public-url} says otherwise. */
  static final String DEFAULT_PATH = "/lightspeed-sync/webhooks";
  /** The item groups registered: what {@code EcomConnector.changes} turns into changes. */
  static final List<String> GROUPS = List.of("products", "variants", "orders");
  /** How long a stop waits for the delivery in hand. */
  static final Duration GRACE = Duration.ofSeconds(10);
  /** How long the embedded shop's activity waits for its deliveries. */
  static final Duration ACTIVITY_WAIT = Duration.ofSeconds(60);

  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CompletableFuture<URI> listening = new CompletableFuture<>();

  WebhooksCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = "--port", defaultValue = "0", description = "Local port to serve deliveries on; 0 picks a free one (printed). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Local address to listen on (a reverse proxy or tunnel forwards --public-url to it). Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--public-url", description = {"The URL registered at Lightspeed, which forwards to this app (https; plain http only"
      + " to a loopback address). Its path is the path served. Default: the local URL (embedded testkit or a loopback --base-url only)."})
  String publicUrl;

  /** The account options {@code sync} and the write flows share; {@code --platform} may only be ecom. */
  @Mixin
  ConnectionOptions connection;

  @Spec
  CommandSpec spec;

  @Option(names = "--sales", defaultValue = "paid", description = "Sales history: paid orders, or all (unpaid too). Cancelled never counts. Default: ${DEFAULT-VALUE}.")
  String sales;

  @Option(names = "--orders", description = {"Order import (seed 003): hand orders over to ls_order_import, each exactly once:"
      + " paid, all or eligible (paid or cash on delivery). Default: no order import."})
  String orders;

  @Option(names = "--order-window", description = "With --orders: only orders changed within this window are handed over (12h, 36h, PT36H). Default: 12h.")
  String orderWindow;

  @Option(names = "--call-timeout", description = "Longest one HTTP exchange with Lightspeed may take (10s, 2m). Default: 2m.")
  String callTimeout;

  @Option(names = "--testkit-items", defaultValue = "3000", description = "Embedded testkit: items (eCom: half as many products). Default: ${DEFAULT-VALUE}.")
  long testkitItems;

  @Option(names = "--testkit-sales", defaultValue = "2000", description = "Embedded testkit: sales (eCom: a quarter as many orders). Default: ${DEFAULT-VALUE}.")
  long testkitSales;

  @Option(names = "--time-scale", defaultValue = "60",
      description = "Embedded testkit: API seconds per real second (the rate limit drains this much faster). Default: ${DEFAULT-VALUE}.")
  double timeScale;

  @Option(names = "--no-activity", negatable = false,
      description = "Embedded testkit: only serve; no product added, no order paid by the app.")
  boolean noActivity;

  /**
   * The local URL once the webhooks are registered and deliveries are taken (with the embedded
   * testkit: once its activity's deliveries are answered). For tests and embedding.
   */
  CompletableFuture<URI> listening() {
    return listening;
  }

  /** Stops the command as SIGTERM does (tests, embedding). */
  void stop() {
    stop.countDown();
  }

  @Override
  public Integer call() throws Exception {
    GracefulShutdown.stoppable();
    try {
      return serve();
    } finally {
      listening.completeExceptionally(new IllegalStateException("webhooks stopped before it was listening"));
    }
  }

  private int serve() throws Exception {
    checkOptions();
    @Nullable Duration perCall = callTimeout == null ? null : ScheduleCommand.duration(callTimeout, "--call-timeout");
    SyncSettings settings = settings();
    InetAddress bindAddress = bindAddress();
    try (ConnectionPool pool = RunGuard.openDurable(connection.db())) {
      Schema.migrate(pool);
      JdbcSyncSink sink = new JdbcSyncSink(pool);
      EmbeddedLightspeed embedded = null;
      if (connection.embedded()) {
        long products = Math.max(1, testkitItems / 2);
        long shopOrders = Math.max(1, testkitSales / 4);
        out.printf(Locale.ROOT, "Starting the embedded Lightspeed testkit (eCom: %,d products, %,d orders, time x%s)%n",
            products, shopOrders, timeScale == Math.rint(timeScale) ? Long.toString((long) timeScale) : Double.toString(timeScale));
        embedded = EmbeddedLightspeed.webshop(products, shopOrders, timeScale);
      }
      SyncMetrics metrics = new SyncMetrics(); // the requests of each delivery, in its report
      try (EmbeddedLightspeed shop = embedded; EcomClient client = client(shop, perCall, metrics)) {
        String secret = shop != null ? shop.server().ecomCredentials().apiSecret() : connection.apiSecret;
        // the key sync uses for this shop (its checkpoints and run lock)
        String shopKey = shop != null ? Long.toString(shop.server().ecomCredentials().shopId()) : connection.ecomShopKey();
        Clock clock = shop != null ? shop.clock() : Clock.systemUTC();
        Sleeper sleeper = shop != null ? shop.sleeper() : Sleeper.SYSTEM;
        EcomConnector connector = EcomConnector.builder().client(client).shopKey(shopKey).clock(clock).metrics(metrics)
            .build();
        RunGuard.requireOwnDatabase(sink, connector.accountKey()); // before anything is registered or stored
        // the engine takes the account's run lock per delivery: a delivery that arrives during a sync is answered 503
        SyncEngine engine = SyncEngine.builder().sink(sink).settings(settings).clock(clock).sleeper(sleeper)
            .rateLimitPolicy(RateLimitPolicy.WAIT).build();
        out.println("Database: " + SyncCommand.redact(connection.db()));
        serve(client, bindAddress, shop, new WebhookEndpoint(path(), secret,
            d -> {
              TransportStats before = metrics.transportStats();
              Batch changes = connector.changes(d); // the targeted read: the variant, a product's variants, an order
              long requests = metrics.transportStats().since(before).requests();
              return new WebhookEndpoint.Applied(engine.applyChanges(connector, changes), requests);
            }, out, err));
      }
    } finally {
      GracefulShutdown.clearInterrupt();
    }
    return ExitCodes.OK;
  }

  /** Serves until stopped; registers the webhooks once the port is open, and unregisters its own. */
  private void serve(EcomClient client, InetAddress bindAddress, @Nullable EmbeddedLightspeed shop, WebhookEndpoint endpoint)
      throws Exception {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    } catch (BindException e) {
      throw new AppException(ExitCodes.FAILURE, "cannot listen on " + bind + ":" + port + ": " + LightspeedSyncApp.oneLine(e.getMessage())
          + "; choose another --port (0 picks a free one)");
    }
    // one delivery at a time, in the order they arrive: the connector and the database see no races
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lightspeed-sync webhooks");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(worker);
    http.createContext("/", endpoint);
    http.start();
    URI local = URI.create("http://" + hostText(http.getAddress().getAddress()) + ":" + http.getAddress().getPort() + path());
    String address = publicUrl != null ? publicUrl.strip() : local.toString();
    List<Long> created = new ArrayList<>();
    try {
      if (connection.readOnly) {
        out.println("Webhooks not registered (--read-only: nothing is written to Lightspeed); register " + address
            + " for " + String.join(", ", GROUPS) + " at the shop");
      } else {
        for (String group : GROUPS) {
          Registration r = register(client, group, address);
          r.createdId().ifPresent(created::add);
          out.println("Webhook " + group + "/* -> " + address + ": " + r.what());
        }
      }
      out.println("Listening on " + local + (publicUrl != null ? " (Lightspeed calls " + address + ")" : ""));
      if (shop != null && !noActivity) {
        out.println("Webshop activity: " + activity(shop, endpoint));
      }
      listening.complete(local);
      out.println("Serving deliveries until Ctrl-C or SIGTERM");
      awaitStop();
    } finally {
      // New deliveries get 503 from now on; the one in hand (and those queued) finish first. Not
      // HttpServer.stop(delay): on Java 17 it waits the whole delay even when nothing is in flight.
      endpoint.stopping();
      GracefulShutdown.clearInterrupt();
      try {
        worker.submit(() -> { }).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        err.println("notice: a delivery was still being applied after " + GRACE.toSeconds() + "s; it was not answered 200,"
            + " so Lightspeed sends it again");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      http.stop(0);
      worker.shutdown();
      GracefulShutdown.clearInterrupt(); // before the database is closed
      unregister(client, created);
    }
    out.printf(Locale.ROOT, "Stopped: %d deliveries applied, %d refused, %d not applied (Lightspeed sends those again)%n",
        endpoint.applied(), endpoint.refused(), endpoint.failed());
  }

  private void awaitStop() {
    try {
      while (!stop.await(100, TimeUnit.MILLISECONDS)) {
        if (GracefulShutdown.requested()) {
          return; // SIGINT/SIGTERM: the shutdown hook waits for this command to finish
        }
      }
    } catch (InterruptedException e) {
      // the shutdown hook cut a wait short: stop as asked
    }
  }

  /** What {@link #register} did for one item group. */
  private record Registration(String what, Optional<Long> createdId) {}

  /**
   * Makes sure an active JSON webhook of {@code group} for every action calls {@code address}: an
   * existing one is kept (or re-activated), else one is created.
   */
  private static Registration register(EcomClient client, String group, String address) {
    WebhookSettings wanted = WebhookSettings.builder().itemGroup(group).itemAction("*").address(address).build();
    for (Webhook w : client.webhooks().list().stream().toList()) {
      if (w.address().orElse("").equals(address) && w.itemGroup().orElse("").equals(group)
          && w.itemAction().orElse("").equals("*")) {
        if (w.active().orElse(true) && w.format().orElse("json").equalsIgnoreCase("json")) {
          return new Registration("already registered (id " + w.id() + ")", Optional.empty());
        }
        client.updateWebhook(w.id(), wanted);
        return new Registration("re-activated as JSON (id " + w.id() + ")", Optional.empty());
      }
    }
    Webhook w = client.createWebhook(wanted);
    return new Registration("registered (id " + w.id() + ")", Optional.of(w.id()));
  }

  /** Deletes the webhooks this run created for its local address: nothing can reach it after the stop. */
  private void unregister(EcomClient client, List<Long> created) {
    if (publicUrl != null || created.isEmpty()) {
      return;
    }
    int deleted = 0;
    for (long id : created) {
      try {
        client.deleteWebhook(id);
        deleted++;
      } catch (RuntimeException e) {
        err.println("notice: webhook " + id + " could not be deleted: " + LightspeedSyncApp.message(e));
      }
    }
    out.println("Unregistered " + deleted + " webhooks of the local address");
  }

  /**
   * The embedded shop's activity: a new product and a newly paid order; returns once the testkit
   * has made their deliveries (and so once this app has answered them).
   */
  private static String activity(EmbeddedLightspeed shop, WebhookEndpoint endpoint) {
    long before = endpoint.applied();
    shop.server().ecom().createProduct("Webhook demo mug", "visible", "WEBHOOK-DEMO-1", 5, new BigDecimal("14.95"),
        new BigDecimal("6.20"));
    Optional<Long> paid = shop.server().ecom().stream("orders")
        .filter(o -> o.require("paymentStatus").equals("not_paid") && !o.require("status").equals("cancelled"))
        .findFirst().map(o -> {
          shop.server().ecom().setOrderStatus(o.id(), "processing_awaiting_shipment", "paid", "not_shipped");
          return o.id();
        });
    shop.server().ecom().awaitWebhooks(ACTIVITY_WAIT);
    return "1 new product (SKU WEBHOOK-DEMO-1)" + paid.map(id -> ", order " + id + " paid").orElse("") + ": "
        + (endpoint.applied() - before) + " deliveries applied";
  }

  private EcomClient client(@Nullable EmbeddedLightspeed shop, @Nullable Duration perCall, SyncMetrics metrics) {
    ClientListener listener = ListenerChain.of(metrics, GracefulShutdown.LISTENER);
    EcomClient.Builder b = shop != null ? shop.ecomClientBuilder(listener) : connection.ecomClient().listener(listener);
    return (perCall == null ? b : b.callTimeout(perCall)).build();
  }

  private String path() {
    if (publicUrl == null) {
      return DEFAULT_PATH;
    }
    String p = URI.create(publicUrl.strip()).getRawPath();
    return p == null || p.isEmpty() ? "/" : p;
  }

  /** Usage errors (exit 2) before anything is opened: each names the option, never the value. */
  private void checkOptions() {
    if (spec.commandLine().getParseResult().hasMatchedOption("--platform") && !connection.platform().equals("ecom")) {
      throw SyncOptions.usage("webhooks runs with --platform ecom only; " + WriteFlowCommand.platformName(connection.platform())
          + " has no such command here");
    }
    connection.platform = "ecom";
    connection.check();
    connection.requireCredentials("webhooks", " (or the environment variables listed in --help)");
    if (port < 0 || port > 65535) {
      throw SyncOptions.usage("--port must be between 0 and 65535 (0 picks a free port)");
    }
    if (!(timeScale > 0) || Double.isInfinite(timeScale) || timeScale > 1_000_000) {
      throw SyncOptions.usage("--time-scale must be a number above 0 and at most 1000000 (API seconds per real second)");
    }
    if (testkitItems < 0 || testkitItems > 100_000_000 || testkitSales < 0 || testkitSales > 100_000_000) {
      throw SyncOptions.usage("--testkit-items and --testkit-sales must be between 0 and 100000000");
    }
    if (publicUrl != null) {
      checkPublicUrl(publicUrl.strip());
    } else if (!connection.embedded() && !isLoopback(connection.baseUrl.strip())) {
      throw SyncOptions.usage("--public-url is needed with a remote --base-url: Lightspeed cannot call this machine's"
          + " local address; give the https URL that forwards to --port");
    }
  }

  /** The checks of {@code --base-url} (SyncOptions), in the words of {@code --public-url}. */
  private static void checkPublicUrl(String value) {
    try {
      SyncOptions.checkBaseUrl(value);
    } catch (AppException e) {
      throw SyncOptions.usage("--public-url must be an https URL such as https://hooks.example.com/lightspeed-sync/webhooks"
          + " (plain http only to a loopback address; no user, query or fragment)");
    }
  }

  /** Whether {@code url}'s host is this machine: SyncOptions allows plain http only to a loopback host. */
  private static boolean isLoopback(String url) {
    try {
      SyncOptions.checkBaseUrl("http://" + URI.create(url).getRawAuthority() + "/");
      return true;
    } catch (AppException e) {
      return false;
    }
  }

  private InetAddress bindAddress() {
    if (!bind.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|localhost")) {
      throw SyncOptions.usage("--bind must be an IP address of this machine, such as 127.0.0.1 or 0.0.0.0");
    }
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw SyncOptions.usage("--bind must be an IP address of this machine, such as 127.0.0.1 or 0.0.0.0");
    }
  }

  private static String hostText(InetAddress a) {
    if (a.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String h = a.getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }

  /** {@code --sales}, {@code --orders} and {@code --order-window} as the engine's settings. */
  private SyncSettings settings() {
    if (!Optional.ofNullable(sales).map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> s.equals("paid") || s.equals("all"))
        .isPresent()) {
      throw SyncOptions.usage("--sales must be paid or all");
    }
    SyncSettings.Builder b = SyncSettings.builder().salesSelection(SyncOptions.salesSelection(sales, true));
    if (orders == null) {
      if (orderWindow != null) {
        throw SyncOptions.usage("--order-window needs --orders paid|all|eligible");
      }
      return b.build();
    }
    // sync's --orders values (SyncOptions.orderImport reads them from a SyncCommand)
    EcomOrderMode mode = switch (orders.toLowerCase(Locale.ROOT)) {
      case "paid" -> EcomOrderMode.PAID_ONLY;
      case "all" -> EcomOrderMode.ALL;
      case "eligible" -> EcomOrderMode.ELIGIBLE_TO_SHIP;
      default -> throw SyncOptions.usage("--orders must be paid, all or eligible");
    };
    Duration window = orderWindow == null ? Duration.ofHours(12) : ScheduleCommand.duration(orderWindow, "--order-window");
    if (window.compareTo(SyncOptions.MAX_ORDER_WINDOW) > 0) {
      throw SyncOptions.usage("--order-window must be a positive duration of at most 744h such as 12h or PT36H");
    }
    return b.orderImport(OrderImportConfig.builder().mode(mode).changeWindow(window).build()).build();
  }
}
