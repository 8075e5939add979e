package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sorting on documented sortable fields other than the key and timeStamp. */
class FieldSortTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().items(400).sales(300).unlimited().timeSource(clock)
        .accessTokenTtl(Duration.ofDays(10)).build());
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Long> walk(String first, String resource, String idField) {
    List<Long> ids = new ArrayList<>();
    String url = server.retailAccountUrl() + first;
    while (!url.isEmpty()) {
      JsonNode page = http.retailAbs(url).json();
      for (JsonNode n : Http.many(page.get(resource))) {
        ids.add(n.get(idField).asLong());
      }
      url = page.at("/@attributes/next").asText();
    }
    return ids;
  }

  @Test
  void itemsByDescriptionMatchTheGroundTruthOrder() {
    List<Long> ids = walk("Item.json?archived=true&sort=description&limit=33", "Item", "itemID");
    List<Long> expected = server.retail().stream("Item")
        .sorted(Comparator.comparing((TestkitRecord r) -> r.require("description")).thenComparing(TestkitRecord::id))
        .map(TestkitRecord::id).collect(Collectors.toList());
    assertThat(ids).isEqualTo(expected);
    List<Long> desc = walk("Item.json?archived=true&sort=-description", "Item", "itemID");
    java.util.Collections.reverse(desc);
    assertThat(desc).isEqualTo(expected);
  }

  @Test
  void voidedSaleMovesToTheEndOfTheUpdatetimeFeed() {
    long completed = server.retail().stream("Sale")
        .filter(r -> r.getBoolean("completed") && !r.getBoolean("voided") && !r.getBoolean("archived")).findFirst()
        .orElseThrow().id();
    clock.advance(Duration.ofHours(1));
    http.retailWrite("PUT", "Sale/" + completed + ".json", "{\"voided\":true}");
    List<Long> byUpdate = walk("Sale.json?archived=true&sort=updatetime", "Sale", "saleID");
    assertThat(byUpdate).hasSize(300).doesNotHaveDuplicates();
    assertThat(byUpdate.get(byUpdate.size() - 1)).isEqualTo(completed);
    // the timeStamp feed keeps it where it was
    List<Long> byTs = walk("Sale.json?archived=true&sort=timeStamp", "Sale", "saleID");
    assertThat(byTs.get(byTs.size() - 1)).isNotEqualTo(completed);
    // completed sales by completion time: open sales have an empty completeTime and come first
    JsonNode first = http.retail("Sale.json?sort=completeTime&limit=1").json();
    assertThat(first.at("/Sale/completeTime").asText()).isEmpty();
  }

  @Test
  void previousLinksWorkWithFieldCursors() {
    JsonNode p1 = http.retail("Customer.json?archived=true&sort=lastName&limit=10").json();
    JsonNode p2 = http.retailAbs(p1.at("/@attributes/next").asText()).json();
    JsonNode back = http.retailAbs(p2.at("/@attributes/previous").asText()).json();
    assertThat(back.get("Customer")).isEqualTo(p1.get("Customer"));
    assertThat(back.at("/@attributes/previous").asText()).isEmpty();
  }
}
