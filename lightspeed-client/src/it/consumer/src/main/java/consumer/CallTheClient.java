package consumer;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.Item;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Serves one R-Series page on loopback and reads it through the client. */
public final class CallTheClient {
  public static void main(String[] args) throws Exception {
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
}
