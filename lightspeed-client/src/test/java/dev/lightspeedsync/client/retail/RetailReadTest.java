package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static dev.lightspeedsync.client.retail.Json.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.error.NotFoundException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.ItemType;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.model.SaleState;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetailReadTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  RetailClient client;

  @BeforeEach
  void setUp() {
    client = RetailClient.builder()
        .accountId(123456)
        .baseUrl(server.url("/").toString())
        .accessToken("test-access-token")
        .clock(time)
        .sleeper(time)
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private String next(String after) {
    return server.url("/API/V3/Account/123456/Item.json?sort=itemID&limit=100&after=" + after).toString();
  }

  @Test
  void walks250ItemsOverThreePagesExactlyOnceInOrderFollowingNextVerbatim() throws Exception {
    server.enqueue(ok(Json.itemsPage(1, 100, next("WzEwMF0%3D"))));
    server.enqueue(ok(Json.itemsPage(101, 100, next("WzIwMF0%3D"))));
    server.enqueue(ok(Json.itemsPage(201, 50, "")));

    List<Long> ids = client.items().list().stream().map(Item::id).collect(Collectors.toList());

    assertThat(ids).hasSize(250).doesNotHaveDuplicates().isSorted();
    assertThat(ids.get(0)).isEqualTo(1);
    assertThat(ids.get(249)).isEqualTo(250);
    assertThat(server.getRequestCount()).isEqualTo(3);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/API/V3/Account/123456/Item.json?limit=100");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer test-access-token");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/API/V3/Account/123456/Item.json?sort=itemID&limit=100&after=WzEwMF0%3D");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/API/V3/Account/123456/Item.json?sort=itemID&limit=100&after=WzIwMF0%3D");
  }

  @Test
  void listingSendsNoRequestUntilIteratedAndLimitStopsFetching() {
    server.enqueue(ok(Json.itemsPage(1, 100, next("WzEwMF0%3D"))));
    Paginated<Item> items = client.items().list();
    assertThat(server.getRequestCount()).isZero();

    List<Item> firstTen = items.stream().limit(10).collect(Collectors.toList());

    assertThat(firstTen).hasSize(10);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pagesExposeCursorsSoAWalkCanResumeFromACheckpoint() throws Exception {
    server.enqueue(ok(Json.itemsPage(1, 100, next("WzEwMF0%3D"))));
    Page<Item> first = client.items().list().firstPage();
    PageCursor saved = PageCursor.parse(first.next().orElseThrow().asString());
    server.takeRequest();

    server.enqueue(ok(Json.itemsPage(101, 20, "")));
    List<Page<Item>> rest = new ArrayList<>();
    client.items().list().startingAt(saved).pages().forEach(rest::add);

    assertThat(first.cursor()).isEmpty();
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).items()).extracting(Item::id).startsWith(101L).hasSize(20);
    assertThat(rest.get(0).cursor()).contains(saved);
    assertThat(rest.get(0).next()).isEmpty();
    assertThat(server.takeRequest().getTarget()).endsWith("after=WzEwMF0%3D");
  }

  @Test
  void aPageHoldingOneRecordAsAnObjectIsOneRecord() {
    server.enqueue(ok("{\"@attributes\":{\"next\":\"\",\"previous\":\"\"},\"Item\":" + Json.item(42) + "}"));

    assertThat(client.items().list()).extracting(Item::id).containsExactly(42L);
  }

  @Test
  void anEmptyResultIsAnEmptyList() {
    server.enqueue(ok("{\"@attributes\":{\"next\":\"\",\"previous\":\"\",\"count\":\"0\"}}"));

    assertThat(client.items().list()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void quirksAreAbsorbed() {
    // scalars as strings, "" relations, "0" foreign keys, unknown enum value, unknown fields,
    // nested single-element relation as object, two-element relation as array.
    server.enqueue(ok("{\"@attributes\":{\"count\":\"1\"},\"Item\":{\"itemID\":\"9\",\"archived\":\"true\","
        + "\"itemType\":\"hologram\",\"defaultVendorID\":\"0\",\"categoryID\":\"12\",\"defaultCost\":\"51.73875\","
        + "\"timeStamp\":\"2021-03-30T19:42:36+00:00\",\"ItemComponents\":\"\",\"ItemVendorNums\":\"\","
        + "\"ItemShops\":{\"ItemShop\":{\"itemShopID\":\"5\",\"itemID\":\"9\",\"shopID\":\"1\",\"qoh\":\"-5\","
        + "\"reorderPoint\":\"2\",\"reorderLevel\":\"6\",\"brandNew\":{\"x\":1}}},"
        + "\"Prices\":{\"ItemPrice\":[{\"amount\":\"9.99\",\"useTypeID\":\"1\",\"useType\":\"Default\"},"
        + "{\"amount\":\"7.5\",\"useTypeID\":\"3\",\"useType\":\"Online\"}]}}}"));

    Item item = client.items().get(9, "ItemShops", "ItemComponents", "ItemVendorNums");

    assertThat(item.id()).isEqualTo(9);
    assertThat(item.archived()).isTrue();
    assertThat(item.itemType()).isEqualTo(ItemType.UNKNOWN);
    assertThat(item.itemTypeRaw()).contains("hologram");
    assertThat(item.defaultVendorId()).isEmpty();
    assertThat(item.categoryId()).contains(12L);
    assertThat(item.defaultCost()).contains(new BigDecimal("51.73875"));
    assertThat(item.timeStamp()).contains(Instant.parse("2021-03-30T19:42:36Z"));
    assertThat(item.components()).isEmpty();
    assertThat(item.vendorNumbers()).isEmpty();
    assertThat(item.itemShops()).singleElement().satisfies(shop -> {
      assertThat(shop.quantityOnHand()).isEqualByComparingTo("-5");
      assertThat(shop.reorderLevel()).isEqualByComparingTo("6");
      assertThat(shop.isSummaryRow()).isFalse();
    });
    assertThat(item.prices()).extracting(p -> p.priceLevelId()).containsExactly(1L, 3L);
  }

  @Test
  void salesCarryTheirStateLinesAndPayments() {
    server.enqueue(ok("{\"@attributes\":{\"next\":\"\"},\"Sale\":[{\"saleID\":\"1\",\"completed\":\"true\",\"voided\":\"false\","
        + "\"SaleLines\":{\"SaleLine\":{\"saleLineID\":\"10\",\"itemID\":\"4\",\"unitQuantity\":\"2\"}},"
        + "\"SalePayments\":{\"SalePayment\":[{\"salePaymentID\":\"3\",\"amount\":\"5.00\"},{\"salePaymentID\":\"4\",\"amount\":\"1.00\"}]}},"
        + "{\"saleID\":\"2\",\"completed\":\"false\",\"voided\":\"false\",\"SaleLines\":\"\"},"
        + "{\"saleID\":\"3\",\"completed\":\"true\",\"voided\":\"true\",\"customerID\":\"0\"}]}"));

    List<Sale> sales = client.sales().list(RetailQuery.builder().loadRelations("SaleLines", "SalePayments").build())
        .stream().collect(Collectors.toList());

    assertThat(sales).extracting(Sale::state).containsExactly(SaleState.COMPLETED, SaleState.OPEN, SaleState.VOIDED);
    assertThat(sales.get(0).lines()).singleElement().satisfies(l -> assertThat(l.itemId()).contains(4L));
    assertThat(sales.get(0).payments()).hasSize(2);
    assertThat(sales.get(1).lines()).isEmpty();
    assertThat(sales.get(2).customerId()).isEmpty();
  }

  @Test
  void countSendsCountOneWithoutLimitOrSort() throws Exception {
    server.enqueue(ok("{\"@attributes\":{\"count\":\"764\"}}"));

    long count = client.items().count(RetailQuery.builder().sort("itemID").build());

    assertThat(count).isEqualTo(764);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/API/V3/Account/123456/Item.json?count=1");
  }

  @Test
  void aMissingRecordIsNotFound() {
    server.enqueue(Json.status(404, "{\"httpCode\":\"404\",\"message\":\"Item not found.\"}"));

    assertThatThrownBy(() -> client.items().get(77))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("GET /API/V3/Account/123456/Item/77.json")
        .hasMessageContaining("Item not found.")
        .hasMessageContaining("ray-404");
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedRatherThanSentTheToken() {
    server.enqueue(ok(Json.itemsPage(1, 2, "https://evil.example/API/V3/Account/123456/Item.json?after=x")));

    assertThatThrownBy(() -> client.items().list().stream().count())
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("another host");
  }

  @Test
  void aRecordThatDoesNotDecodeIsRejectedWithItsIdAndTheRestOfThePageArrives() throws Exception {
    server.enqueue(ok("{\"@attributes\":{\"next\":\"\"},\"Item\":[" + Json.item(1)
        + ",{\"itemID\":\"2\",\"description\":\"bad\",\"timeStamp\":[1,2]}," + Json.item(3) + "]}"));

    Page<Item> page = client.items().list().firstPage();
    assertThat(page.items()).extracting(Item::id).containsExactly(1L, 3L);
    assertThat(page.rejected()).singleElement().satisfies(r -> {
      assertThat(r.id()).contains("2");
      assertThat(r.reason()).startsWith("Item could not be read");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRecordWithoutAnIdIsRejectedWithoutOne() {
    server.enqueue(ok("{\"@attributes\":{\"next\":\"\"},\"Item\":[{\"description\":\"no id\"}]}"));

    Page<Item> page = client.items().list().firstPage();
    assertThat(page.items()).isEmpty();
    assertThat(page.rejected()).singleElement().satisfies(r -> assertThat(r.id()).isEmpty());
  }

  @Test
  void bodiesThatAreNotAListPageAreDecodingErrorsNotEmptyPages() {
    String[] wrong = {
      "{\"Item\":[" + Json.item(1) + "]}", // no @attributes
      "{\"@attributes\":{\"next\":\"\"},\"Sale\":[]}", // an unexpected root key
      "[" + Json.item(1) + "]", // an array at the root
      "{\"@attributes\":{\"next\":\"\"},\"Item\":42}", // neither record nor list
    };
    for (String body : wrong) {
      server.enqueue(ok(body));
      assertThatThrownBy(() -> client.items().list().firstPage()).as(body)
          .isInstanceOf(DecodingException.class)
          .hasMessageContaining("GET /API/V3/Account/123456/Item.json")
          .hasMessageContaining("list page")
          .hasMessageNotContaining("HTTP 0");
    }
    assertThat(server.getRequestCount()).isEqualTo(wrong.length); // a wrong shape is not retried
  }
}
