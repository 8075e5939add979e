package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetailPaginationTest {
  private LightspeedTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(11).items(1234).sales(321).unlimited()
        .timeSource(new ManualTimeSource()).build());
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Long> walk(String first, String idField, String resource) {
    List<Long> ids = new ArrayList<>();
    String url = server.retailAccountUrl() + first;
    int pages = 0;
    while (!url.isEmpty()) {
      Http.Response r = http.retailAbs(url);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode body = r.json();
      if (pages == 0) {
        assertThat(body.at("/@attributes/previous").asText()).isEmpty();
      } else {
        assertThat(body.at("/@attributes/previous").asText()).startsWith("http://");
      }
      for (JsonNode n : Http.many(body.get(resource))) {
        ids.add(n.get(idField).asLong());
      }
      url = body.at("/@attributes/next").asText();
      assertThat(body.at("/@attributes/next").isTextual()).isTrue();
      pages++;
    }
    return ids;
  }

  @Test
  void walksEveryNonArchivedItemExactlyOnceInIdOrder() {
    List<Long> ids = walk("Item.json", "itemID", "Item");
    List<Long> expected = server.retail().stream("Item").filter(r -> !r.getBoolean("archived")).map(TestkitRecord::id)
        .collect(Collectors.toList());
    assertThat(ids).isEqualTo(expected);
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids.size()).isLessThan(1234).isGreaterThan(1100);
  }

  @Test
  void walksByTimeStampWithTiesExactlyOnce() {
    List<Long> ids = walk("Item.json?sort=timeStamp&limit=37&archived=true", "itemID", "Item");
    assertThat(ids).hasSize(1234);
    assertThat(new HashSet<>(ids)).hasSize(1234);
  }

  @Test
  void walkSeesAStockChangeMadeMidWalkOnceInTheItemShopFeed() {
    ManualTimeSource clock = (ManualTimeSource) server.clock();
    List<Long> seen = new ArrayList<>();
    String url = server.retailAccountUrl() + "ItemShop.json?sort=timeStamp&limit=100";
    boolean mutated = false;
    while (!url.isEmpty()) {
      JsonNode body = http.retailAbs(url).json();
      for (JsonNode n : Http.many(body.get("ItemShop"))) {
        seen.add(n.get("itemShopID").asLong());
      }
      if (!mutated) {
        clock.advance(java.time.Duration.ofMinutes(1));
        server.retail().setStock(1, 2, 77); // item 1 was on the first page; now it moves to the end
        mutated = true;
      }
      url = body.at("/@attributes/next").asText();
    }
    long total = 1234L * 4;
    assertThat(new HashSet<>(seen)).hasSize((int) total);
    // the changed row (and the summary row) show up again at the end, with their new timeStamp
    assertThat(seen).hasSize((int) total + 2);
    assertThat(seen.subList(seen.size() - 2, seen.size())).containsExactlyInAnyOrder(1L, 3L);
  }

  @Test
  void pageAttributesFollowTheDocumentedShape() {
    JsonNode first = http.retail("Item.json?limit=500").json();
    assertThat(first.get("Item")).hasSize(100); // limit is capped at 100
    String next = first.at("/@attributes/next").asText();
    assertThat(next).startsWith(server.retailAccountUrl() + "Item.json?limit=500&sort=itemID&after=");
    String cursor = next.substring(next.indexOf("after=") + 6);
    String decoded = new String(Base64.getDecoder().decode(java.net.URLDecoder.decode(cursor, StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
    long lastId = first.get("Item").get(99).get("itemID").asLong();
    assertThat(decoded).isEqualTo("[" + lastId + "]");

    JsonNode second = http.retailAbs(next).json();
    String previous = second.at("/@attributes/previous").asText();
    assertThat(previous).contains("before=");
    JsonNode back = http.retailAbs(previous).json();
    assertThat(back.get("Item")).isEqualTo(first.get("Item"));
    assertThat(back.at("/@attributes/previous").asText()).isEmpty();
  }

  @Test
  void timeStampCursorEncodesTimeAndId() {
    JsonNode page = http.retail("Sale.json?sort=-timeStamp&limit=2").json();
    String next = page.at("/@attributes/next").asText();
    String cursor = java.net.URLDecoder.decode(next.substring(next.indexOf("after=") + 6), StandardCharsets.UTF_8);
    String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    JsonNode last = page.get("Sale").get(1);
    assertThat(decoded).isEqualTo("[\"" + last.get("timeStamp").asText() + "\"," + last.get("saleID").asText() + "]");
    assertThat(page.get("Sale").get(0).get("timeStamp").asText())
        .isGreaterThanOrEqualTo(page.get("Sale").get(1).get("timeStamp").asText());
  }

  @Test
  void descendingWalkIsTheReverseOfAscending() {
    List<Long> asc = walk("Sale.json?archived=true", "saleID", "Sale");
    List<Long> desc = walk("Sale.json?archived=true&sort=-saleID", "saleID", "Sale");
    List<Long> reversed = new ArrayList<>(desc);
    java.util.Collections.reverse(reversed);
    assertThat(reversed).isEqualTo(asc).hasSize(321);
  }

  @Test
  void lastPageHasEmptyNextAndEmptyResultHasNoResourceKey() {
    JsonNode last = http.retail("Item.json?sort=-itemID&limit=1&itemID=" + Http.enc(">,1233")).json();
    assertThat(last.at("/@attributes/next").asText()).isEmpty();
    JsonNode none = http.retail("Item.json?itemID=" + Http.enc(">,999999")).json();
    assertThat(none.has("Item")).isFalse();
    assertThat(none.at("/@attributes/next").asText()).isEmpty();
    assertThat(none.at("/@attributes/previous").asText()).isEmpty();
  }

  @Test
  void craftedCursorIsRejected() {
    Http.Response r = http.retail("Item.json?after=notbase64!!");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("httpCode").asText()).isEqualTo("400");
  }

  @Test
  void filtersNarrowTheWalk() {
    Set<Long> ids = new HashSet<>(walk("Item.json?itemID=" + Http.enc("><,100,300") + "&archived=true", "itemID", "Item"));
    assertThat(ids).hasSize(201);
    String cutoff = server.retail().get("Item", 600).orElseThrow().require("timeStamp");
    List<Long> recent = walk("Item.json?sort=timeStamp&archived=true&timeStamp=" + Http.enc(">=," + cutoff), "itemID",
        "Item");
    long expected = server.retail().stream("Item").filter(r -> r.require("timeStamp").compareTo(cutoff) >= 0).count();
    assertThat(recent).hasSize((int) expected);
  }
}
