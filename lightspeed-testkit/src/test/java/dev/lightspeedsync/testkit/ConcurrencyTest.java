package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void concurrentWalksWhileStockChangesStillSeeEveryRowExactlyOnce() throws Exception {
    ManualTimeSource clock = new ManualTimeSource();
    try (LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().items(800).unlimited()
        .accessTokenTtl(Duration.ofDays(1)).timeSource(clock).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<Set<Long>>> walks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          walks.add(pool.submit(() -> {
            Http http = new Http(server);
            Set<Long> ids = new HashSet<>();
            String url = server.retailAccountUrl() + "ItemShop.json?limit=100";
            while (!url.isEmpty()) {
              JsonNode page = http.retailAbs(url).json();
              for (JsonNode n : Http.many(page.get("ItemShop"))) {
                assertThat(ids.add(n.get("itemShopID").asLong())).isTrue();
              }
              url = page.at("/@attributes/next").asText();
            }
            return ids;
          }));
        }
        Future<?> writer = pool.submit(() -> {
          Http http = new Http(server);
          for (int i = 1; i <= 200; i++) {
            if (i % 2 == 0) {
              server.retail().adjustStock(i, 1 + i % 3, 1);
            } else {
              http.retailWrite("PUT", "ItemShop/" + (i * 4 - 2) + ".json", "{\"reorderPoint\":" + i + "}");
            }
          }
        });
        writer.get(60, TimeUnit.SECONDS);
        for (Future<Set<Long>> walk : walks) {
          assertThat(walk.get(60, TimeUnit.SECONDS)).hasSize(800 * 4);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(server.inspect().requests("GET ItemShop.json", 200)).isEqualTo(4 * 32);
      assertThat(server.inspect().requests("PUT ItemShop/{id}.json", 200)).isEqualTo(100);
    }
  }

  @Test
  void aClientThatPacesOnTheHeadersNeverSeesA429() {
    ManualTimeSource clock = new ManualTimeSource();
    try (LightspeedTestServer server = LightspeedTestServer.start(TestkitConfig.builder().items(3000).timeSource(clock)
        .accessTokenTtl(Duration.ofDays(1)).build())) {
      Http http = new Http(server);
      double level = 0;
      double size = 90;
      double drip = 1;
      int pages = 0;
      String url = server.retailAccountUrl() + "Item.json?limit=25&load_relations=" + Http.enc("[\"ItemShops\"]");
      while (!url.isEmpty()) {
        double cost = 1.4; // the documented cost of this query
        if (level + cost > size) {
          // wait (in API time) until the request fits, as a well-behaved client does
          double seconds = (level + cost - size) / drip;
          clock.advance(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
          level = Math.max(0, level - seconds * drip);
        }
        Http.Response r = http.retailAbs(url);
        assertThat(r.status()).isEqualTo(200);
        String[] bucket = r.header("X-LS-API-Bucket-Level").split("/");
        level = Double.parseDouble(bucket[0]);
        size = Double.parseDouble(bucket[1]);
        drip = Double.parseDouble(r.header("X-LS-API-Drip-Rate"));
        assertThat(Double.parseDouble(r.header("X-LS-API-Request-Cost"))).isEqualTo(cost);
        clock.advance(Duration.ofMillis(60)); // each request "takes" 60 ms of API time
        url = r.json().at("/@attributes/next").asText();
        pages++;
      }
      assertThat(pages).isGreaterThan(100);
      assertThat(server.inspect().rateLimited()).isZero();
      assertThat(server.inspect().bucketPeak()).isGreaterThan(80).isLessThanOrEqualTo(90.0);
    }
  }
}
