package consumer;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that the consumer runs the library versions lightspeed-sync is tested with, then serves
 * one R-Series page on loopback and reads it through the client.
 */
public final class CallTheClient {
  public static void main(String[] args) throws Exception {
    expectTested("kotlin-stdlib", "tested.kotlin.version", kotlin.KotlinVersion.CURRENT.toString());
    expectTested("jackson-databind", "tested.jackson.version",
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    expectTested("okhttp-jvm", "tested.okhttp.version", okhttp3.OkHttp.VERSION);

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("{\"@attributes\":{\"next\":\"\",\"previous\":\"\"},\"Item\":[{\"itemID\":\"1\"},{\"itemID\":\"2\"}]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-LS-API-Bucket-Level", "1/90");
      exchange.getResponseHeaders().add("X-LS-API-Drip-Rate", "1");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (RetailClient client = RetailClient.builder()
        .accountId(1)
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
        .accessToken("consumer-token")
        .build()) {
      List<Long> ids = client.items().list().stream().map(Item::id).collect(Collectors.toList());
      if (!ids.equals(List.of(1L, 2L))) {
        throw new AssertionError("expected items [1, 2] but read " + ids);
      }
      System.out.println("consumer read items " + ids + " through lightspeed-client");
    } finally {
      server.stop(0);
    }
  }

  private static void expectTested(String library, String property, String running) {
    String tested = System.getProperty(property);
    if (tested == null || tested.isEmpty()) {
      throw new AssertionError("system property " + property + " is not set by the consumer POM");
    }
    if (!tested.equals(running)) {
      throw new AssertionError("the consumer runs " + library + " " + running
          + " but lightspeed-sync is tested with " + tested);
    }
    System.out.println("consumer runs " + library + " " + running + ", the tested version");
  }
}
