package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.internal.retail.QueryEncoding;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.Operator;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryEncodingTest {
  private static final HttpUrl ACCOUNT = HttpUrl.get("https://api.lightspeedapp.com/API/V3/Account/1");
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  static Stream<Arguments> operators() {
    return Stream.of(
        Arguments.of(Filter.equalTo("upc", "123456789012"), "upc=123456789012"),
        Arguments.of(Filter.of("timeStamp", Operator.GREATER_THAN, T), "timeStamp=%3E%2C2024-01-01T00%3A00%3A00%2B00%3A00"),
        Arguments.of(Filter.of("timeStamp", Operator.GREATER_OR_EQUAL, T), "timeStamp=%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00"),
        Arguments.of(Filter.of("qoh", Operator.LESS_THAN, 5), "qoh=%3C%2C5"),
        Arguments.of(Filter.of("qoh", Operator.LESS_OR_EQUAL, 5), "qoh=%3C%3D%2C5"),
        Arguments.of(Filter.between("itemID", 1, 10), "itemID=%3E%3C%2C1%2C10"),
        Arguments.of(Filter.between("timeStamp", T, T.plusSeconds(86399)),
            "timeStamp=%3E%3C%2C2024-01-01T00%3A00%3A00%2B00%3A00%2C2024-01-01T23%3A59%3A59%2B00%3A00"),
        Arguments.of(Filter.of("shopID", Operator.NOT_EQUALS, 0), "shopID=!%3D%2C0"),
        Arguments.of(Filter.of("description", Operator.LIKE, "%shirt%"), "description=~%2C%25shirt%25"),
        Arguments.of(Filter.of("Contact.email", Operator.NOT_LIKE, ""), "Contact.email=!~%2C"),
        Arguments.of(Filter.in("itemID", List.of(1, 2, 3)), "itemID=IN%2C%5B1%2C2%2C3%5D"),
        Arguments.of(Filter.of("ItemShops.qoh", Operator.GREATER_THAN, 1), "ItemShops.qoh=%3E%2C1"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("operators")
  void everyOperatorIsPercentEncodedAsTheDocsAsk(Filter filter, String expected) {
    HttpUrl url = QueryEncoding.listUrl(ACCOUNT, "Item", RetailQuery.builder().filter(filter).build());

    assertThat(url.encodedQuery()).isEqualTo(expected + "&limit=100");
  }

  @Test
  void aPlusInADateNeverTurnsIntoASpace() {
    HttpUrl url = QueryEncoding.listUrl(ACCOUNT, "Item",
        RetailQuery.builder().filter(Filter.of("timeStamp", Operator.GREATER_THAN, T)).build());

    assertThat(url.encodedQuery()).contains("%2B00%3A00").doesNotContain("+");
    assertThat(url.queryParameter("timeStamp")).isEqualTo(">,2024-01-01T00:00:00+00:00");
  }

  @Test
  void loadRelationsIsAlwaysAJsonArrayEvenForOneRelation() {
    HttpUrl one = QueryEncoding.listUrl(ACCOUNT, "Item", RetailQuery.builder().loadRelations("ItemShops").build());
    HttpUrl two = QueryEncoding.listUrl(ACCOUNT, "Sale",
        RetailQuery.builder().loadRelations("SaleLines", "SalePayments.PaymentType").build());

    assertThat(one.queryParameter("load_relations")).isEqualTo("[\"ItemShops\"]");
    assertThat(one.encodedQuery()).startsWith("load_relations=%5B%22ItemShops%22%5D");
    assertThat(two.queryParameter("load_relations")).isEqualTo("[\"SaleLines\",\"SalePayments.PaymentType\"]");
  }

  @Test
  void orArchivedSortAndLimit() {
    HttpUrl url = QueryEncoding.listUrl(ACCOUNT, "Item", RetailQuery.builder()
        .or(Filter.of("description", Operator.LIKE, "foo"), Filter.of("description", Operator.LIKE, "bar|baz"))
        .archived(Archived.ONLY)
        .sort("-timeStamp")
        .limit(50)
        .build());

    assertThat(url.encodedQuery())
        .isEqualTo("archived=only&or=description%3D~%2Cfoo|description%3D~%2Cbar%7Cbaz&sort=-timeStamp&limit=50");
  }

  @Test
  void archivedTrueIncludesArchivedRecords() {
    assertThat(QueryEncoding.listUrl(ACCOUNT, "Item", RetailQuery.builder().archived(Archived.INCLUDE).build())
        .queryParameter("archived")).isEqualTo("true");
  }

  @Test
  void invalidQueriesFailBeforeAnyRequestWithAClearMessage() {
    List<Long> tooMany = LongStream.rangeClosed(1, 101).boxed().collect(Collectors.toList());
    assertThatThrownBy(() -> Filter.in("itemID", tooMany)).hasMessageContaining("1 to 100 values but got 101");
    assertThatThrownBy(() -> RetailQuery.builder().limit(250)).hasMessageContaining("between 1 and 100");
    assertThatThrownBy(() -> RetailQuery.builder().loadRelations("Images,ItemShops"))
        .hasMessageContaining("one name per argument");
    assertThatThrownBy(() -> RetailQuery.builder().loadRelations("all")).hasMessageContaining("discovery only");
    assertThatThrownBy(() -> Filter.equalTo("item ID", "1")).hasMessageContaining("not a filterable field");
  }

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void theEncodingSurvivesTheWireUnchanged() throws Exception {
    server.enqueue(Json.ok("{\"@attributes\":{\"next\":\"\"}}"));
    FakeTime time = new FakeTime();
    try (RetailClient client = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString())
        .accessToken("t").clock(time).sleeper(time).build()) {
      client.items().list(RetailQuery.builder()
          .filter(Filter.of("timeStamp", Operator.GREATER_OR_EQUAL, T))
          .loadRelations("ItemShops")
          .sort("timeStamp")
          .build()).stream().count();
    }
    assertThat(server.takeRequest().getTarget()).isEqualTo("/API/V3/Account/1/Item.json?load_relations=%5B%22ItemShops%22%5D"
        + "&timeStamp=%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00&sort=timeStamp&limit=100");
  }
}
