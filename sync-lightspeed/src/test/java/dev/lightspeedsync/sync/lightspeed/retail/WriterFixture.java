package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.Sleeper;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.rules.OrderExportConfig;
import dev.lightspeedsync.testkit.TestkitRecord;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** A small testkit account, a client on its manual clock (no real sleeps), and helpers for write tests. */
final class WriterFixture implements AutoCloseable {
  final ManualTimeSource time = new ManualTimeSource();
  final LightspeedTestServer server;
  final RetailClient client;
  final Clock clock;

  WriterFixture() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(7).timeSource(time).shops(3).items(40)
        .sales(0).orders(0).build());
    RetailCredentials creds = server.retailCredentials();
    clock = time.asClock();
    Sleeper sleeper = time::sleep;
    client = RetailClient.builder()
        .accountId(creds.accountId())
        .baseUrl(server.origin() + "/")
        .oauth(OauthClientCredentials.of(creds.clientId(), creds.clientSecret()),
            TokenStore.inMemory(TokenPair.of(creds.accessToken(), creds.refreshToken(),
                time.now().plusSeconds(creds.expiresInSeconds()))))
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }

  RetailWriter writer(SyncSink sink, SyncSettings settings) {
    return RetailWriter.builder().client(client).sink(sink).settings(settings).clock(clock)
        .salePaymentTypeId(1).buyOrders(true).build();
  }

  /** The account's first register: order export books sales on it. */
  TestkitRecord register() {
    return server.retail().stream("Register").findFirst().orElseThrow();
  }

  /** Order export on, booked by employee 1 on {@link #register()}, with the rest of {@code export}. */
  SyncSettings orderExportOn(OrderExportConfig.Builder export) {
    return SyncSettings.builder().orderExport(export.enabled(true).employeeId("1")
        .registerId(Long.toString(register().id())).build()).build();
  }

  /** The sales carrying this referenceNumber. */
  List<TestkitRecord> salesWithReference(String ref) {
    return server.retail().stream("Sale").filter(s -> s.get("referenceNumber").orElse("").equals(ref)).toList();
  }

  /** An active stock item (not archived, type default). */
  long stockItem(int skip) {
    return server.retail().stream("Item")
        .filter(r -> !r.getBoolean("archived") && r.require("itemType").equals("default"))
        .skip(skip).findFirst().orElseThrow().id();
  }

  /** Write requests (POST, PUT, DELETE) the server answered, token requests excluded. */
  long writeRequests() {
    long n = 0;
    for (Map.Entry<String, Long> e : server.inspect().snapshot().entrySet()) {
      String k = e.getKey();
      if ((k.startsWith("POST ") || k.startsWith("PUT ") || k.startsWith("DELETE ")) && !k.contains("oauth")) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** Prefix of the raw request path for {@code injectNext}, e.g. {@code PUT /API/V3/Account/1/Item/}. */
  String path(String method, String resource) {
    return method + " /API/V3/Account/" + server.retailCredentials().accountId() + "/" + resource;
  }

  /** Thrown by {@link #killing} sinks: the process "dies" at that point. */
  static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("simulated process kill");
    }
  }

  /**
   * A sink that "kills the process" on the first ledger call (method name, ledger key) that matches:
   * before the call reaches the sink ({@code after == false}) or right after it ({@code after}).
   */
  static SyncSink killing(SyncSink delegate, BiPredicate<String, String> methodAndKey, boolean after) {
    boolean[] fired = {false};
    return (SyncSink) Proxy.newProxyInstance(SyncSink.class.getClassLoader(), new Class<?>[] {SyncSink.class},
        (proxy, method, args) -> {
          String key = null;
          if (args != null && args.length >= 2 && args[1] instanceof String k) {
            key = k; // ledgerEntry / confirmInLedger (kind, key, ...)
          } else if (args != null && args.length == 1 && args[0] instanceof List<?> list && !list.isEmpty()
              && list.get(0) instanceof LedgerEntry e) {
            key = e.key(); // recordInLedger(entries)
          }
          boolean kill = !fired[0] && key != null && methodAndKey.test(method.getName(), key);
          if (kill && !after) {
            fired[0] = true;
            throw new Killed();
          }
          Object result;
          try {
            result = method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (kill) {
            fired[0] = true;
            throw new Killed();
          }
          return result;
        });
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
