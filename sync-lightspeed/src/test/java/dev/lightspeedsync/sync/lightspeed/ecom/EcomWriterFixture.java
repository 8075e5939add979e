package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.testkit.EcomCredentials;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.util.Map;

/** A small testkit shop with orders, a client on its manual clock (no real sleeps), and helpers for write tests. */
final class EcomWriterFixture implements AutoCloseable {
  final ManualTimeSource time = new ManualTimeSource();
  final LightspeedTestServer server;
  final EcomClient client;
  final EcomCredentials creds;

  EcomWriterFixture() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(11).timeSource(time).items(0).sales(0).orders(0)
        .products(20).ecomOrders(60).unlimited().build());
    creds = server.ecomCredentials();
    client = EcomClient.builder().baseUrl(server.ecomBaseUrl().toString()).language(creds.language())
        .credentials(creds.apiKey(), creds.apiSecret()).clock(time.asClock()).sleeper(time::sleep).build();
  }

  EcomWriter.Builder writer(SyncSink sink, SyncSettings settings) {
    return EcomWriter.builder().client(client).sink(sink).settings(settings).clock(time.asClock());
  }

  /** Makes the next {@code method} request to {@code resource} (e.g. {@code variants/}) suffer {@code fault}. */
  void injectNext(Fault fault, String method, String resource) {
    server.injectNext(fault, method + " /" + creds.language() + "/" + resource);
  }

  /** Every write request (POST, PUT, DELETE) the server saw, whatever its answer. */
  long writeRequests() {
    long n = 0;
    for (Map.Entry<String, Long> e : server.inspect().snapshot().entrySet()) {
      String k = e.getKey();
      if (k.startsWith("POST ") || k.startsWith("PUT ") || k.startsWith("DELETE ")) {
        n += e.getValue();
      }
    }
    return n;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
