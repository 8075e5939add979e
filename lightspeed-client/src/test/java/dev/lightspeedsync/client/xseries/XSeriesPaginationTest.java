package dev.lightspeedsync.client.xseries;

import static dev.lightspeedsync.client.xseries.XBodies.TOKEN;
import static dev.lightspeedsync.client.xseries.XBodies.empty;
import static dev.lightspeedsync.client.xseries.XBodies.ok;
import static dev.lightspeedsync.client.xseries.XBodies.page;
import static dev.lightspeedsync.client.xseries.XBodies.product;
import static dev.lightspeedsync.client.xseries.XBodies.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.model.Supplier;
import dev.lightspeedsync.client.xseries.query.XSeriesQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The version cursor: every quirk of the fact sheet, one MockWebServer script each. */
class XSeriesPaginationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  XSeriesClient client() {
    return XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(TOKEN).clock(time).sleeper(time)
        .build();
  }

  List<String> targets(int n) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(server.takeRequest().getTarget());
    }
    return out;
  }

  @Test
  void aWalkFollowsVersionMaxUntilDataIsEmptyAndAsksForDeletedProducts() throws Exception {
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 20)), 10L, 20L)));
    server.enqueue(ok(page(List.of(product(3, 35)), 35L, 35L)));
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      List<String> ids = c.products().list().stream().map(Product::id).collect(Collectors.toList());
      assertThat(ids).containsExactly(uuid(1), uuid(2), uuid(3));
    }
    assertThat(targets(3)).containsExactly(
        "/api/2.0/products?after=0&deleted=true",
        "/api/2.0/products?after=20&deleted=true",
        "/api/2.0/products?after=35&deleted=true");
    RecordedRequest none = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS);
    assertThat(none).isNull();
  }

  @Test
  void aShortPageIsNotTheLastOne() throws Exception {
    // page_size 3 asked, the server sends 2 (it may cap the size): the walk goes on until data is empty.
    server.enqueue(ok(page(List.of(product(1, 1), product(2, 2)), 1L, 2L)));
    server.enqueue(ok(page(List.of(product(3, 3)), 3L, 3L)));
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      assertThat(c.products().list(XSeriesQuery.builder().pageSize(3).build()).stream().count()).isEqualTo(3);
    }
    assertThat(targets(3)).containsExactly("/api/2.0/products?after=0&page_size=3&deleted=true",
        "/api/2.0/products?after=2&page_size=3&deleted=true", "/api/2.0/products?after=3&page_size=3&deleted=true");
  }

  @Test
  void aNullVersionMaxIsLegalAndTheHighestRecordVersionContinuesTheWalk() throws Exception {
    server.enqueue(ok(page(List.of(product(1, 40), product(2, 44)), null, null)));
    server.enqueue(ok("{\"data\":[],\"version\":null}"));
    try (XSeriesClient c = client()) {
      List<Page<Product>> pages = new ArrayList<>();
      c.products().list().pages().forEach(pages::add);
      assertThat(pages).hasSize(2);
      assertThat(pages.get(0).next()).contains(PageCursor.parse("44"));
      assertThat(pages.get(1).items()).isEmpty();
      assertThat(pages.get(1).next()).isEmpty();
    }
    assertThat(targets(2)).containsExactly("/api/2.0/products?after=0&deleted=true",
        "/api/2.0/products?after=44&deleted=true");
  }

  @Test
  void anIdThatReappearsWithAHigherVersionArrivesAgainAndTheLaterCopyIsTheNewer() {
    // Product 1 was updated during the walk: it left version 10 and reappears at version 90.
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 20)), 10L, 20L)));
    server.enqueue(ok(page(List.of(product(3, 50), product(1, 90)), 50L, 90L)));
    server.enqueue(ok(empty()));
    List<Product> seen;
    try (XSeriesClient c = client()) {
      seen = c.products().list().stream().collect(Collectors.toList());
    }
    assertThat(seen).extracting(Product::id).containsExactly(uuid(1), uuid(2), uuid(3), uuid(1));
    // Upserting by id and keeping the highest version leaves each record once, in its latest state.
    Map<String, Product> latest = new LinkedHashMap<>();
    for (Product p : seen) {
      latest.merge(p.id(), p, (a, b) -> a.version().orElse(0L) >= b.version().orElse(0L) ? a : b);
    }
    assertThat(latest).hasSize(3);
    assertThat(latest.get(uuid(1)).version()).contains(90L);
    // No (id, version) pair is delivered twice.
    assertThat(seen.stream().map(p -> p.id() + "@" + p.version().orElseThrow())).doesNotHaveDuplicates();
  }

  @Test
  void withinAPageARepeatedIdKeepsItsHighestVersionAndRecordsBehindTheCursorAreDropped() throws Exception {
    server.enqueue(ok(page(List.of(product(5, 100)), 100L, 100L)));
    // The server repeats the boundary record (version 100 = after) and sends product 6 twice.
    server.enqueue(ok(page(List.of(product(5, 100), product(6, 120), product(6, 130)), 100L, 130L)));
    server.enqueue(ok(empty()));
    List<Product> seen;
    try (XSeriesClient c = client()) {
      seen = c.products().list().stream().collect(Collectors.toList());
    }
    assertThat(seen).extracting(p -> p.id() + "@" + p.version().orElseThrow())
        .containsExactly(uuid(5) + "@100", uuid(6) + "@130");
  }

  @Test
  void aWalkStartsAfterASavedVersion() throws Exception {
    server.enqueue(ok(page(List.of(product(7, 501)), 501L, 501L)));
    server.enqueue(ok(empty()));
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      Paginated<Product> changes = c.products().list(XSeriesQuery.changedAfter(500));
      Page<Product> first = changes.firstPage();
      long bookmark = XSeriesResource.version(first.next().orElseThrow());
      assertThat(bookmark).isEqualTo(501);
      assertThat(changes.startingAt(PageCursor.parse("501")).stream().count()).isZero();
      assertThat(c.products().list(XSeriesQuery.changedAfter(bookmark)).stream().count()).isZero();
    }
    assertThat(targets(3)).containsExactly("/api/2.0/products?after=500&deleted=true",
        "/api/2.0/products?after=501&deleted=true", "/api/2.0/products?after=501&deleted=true");
  }

  @Test
  void aListSendsNothingUntilIterated() {
    try (XSeriesClient c = client()) {
      c.products().list();
      c.sales().list();
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void recordsWithoutAnyVersionEndTheWalkInsteadOfRepeatingTheSameRequest() throws Exception {
    // The spec's Supplier schema has no version and its example list carries none: safe behaviour
    // is one page, never a second request with the same after=0.
    server.enqueue(ok("{\"data\":[{\"id\":\"" + uuid(1) + "\",\"name\":\"Peak\",\"source\":\"USER\"},"
        + "{\"id\":\"" + uuid(2) + "\",\"name\":\"API Supplier\",\"description\":\"\"}]}"));
    try (XSeriesClient c = client()) {
      assertThat(c.suppliers().list().stream().map(Supplier::name).map(o -> o.orElse("?")))
          .containsExactly("Peak", "API Supplier");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/2.0/suppliers?after=0");
  }

  @Test
  void aPageWithNothingNewerThanTheCursorEndsTheWalkInsteadOfLooping() throws Exception {
    // A products list filtered by sku ignores 'after' by design (sku overrides every other
    // parameter) and returns the same records again: nothing is newer, so the walk ends.
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 12)), null, null)));
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 12)), null, null)));
    try (XSeriesClient c = client()) {
      assertThat(c.products().list(XSeriesQuery.builder().filter("sku", "SKU-1").build()).stream().map(Product::id))
          .containsExactly(uuid(1), uuid(2));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(targets(2)).containsExactly("/api/2.0/products?after=0&deleted=true&sku=SKU-1",
        "/api/2.0/products?after=12&deleted=true&sku=SKU-1");
  }

  @Test
  void aTopLevelListThatIgnoresAfterFailsInsteadOfEndingEarlyOrLooping() {
    // page 2 (after=12) answers with page 1 again: records older than the cursor, none newer
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 12)), 10L, 12L)));
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 12)), 10L, 12L)));
    try (XSeriesClient c = client()) {
      assertThatThrownBy(() -> c.products().list().stream().count())
          .isInstanceOfSatisfying(dev.lightspeedsync.client.error.PaginationException.class, e -> {
            assertThat(e.cursor()).isEqualTo("after=12");
            assertThat(e.getMessage()).contains("GET /api/2.0/products", "ignores the version cursor");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRepeatedBoundaryRecordAloneEndsTheWalk() {
    // a server whose 'after' is inclusive repeats the boundary record on the last page
    server.enqueue(ok(page(List.of(product(1, 10), product(2, 12)), 10L, 12L)));
    server.enqueue(ok(page(List.of(product(2, 12)), 12L, 12L)));
    try (XSeriesClient c = client()) {
      assertThat(c.products().list().stream().count()).isEqualTo(2);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aVersionMaxBelowTheRecordsIsOverruledByTheHighestRecordVersion() throws Exception {
    server.enqueue(ok(page(List.of(product(1, 10)), 10L, 10L)));
    server.enqueue(ok(page(List.of(product(2, 12)), 5L, 8L))); // max below the cursor, a newer record
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      assertThat(c.products().list().stream().count()).isEqualTo(2);
    }
    assertThat(targets(3)).containsExactly("/api/2.0/products?after=0&deleted=true",
        "/api/2.0/products?after=10&deleted=true", "/api/2.0/products?after=12&deleted=true");
  }

  @Test
  void aRecordThatDoesNotDecodeIsRejectedWithItsIdAndTheRestOfThePageArrives() {
    String bad = "{\"id\":\"" + uuid(9) + "\",\"name\":\"Broken\",\"version\":31,\"created_at\":\"yesterday-ish\"}";
    server.enqueue(ok(page(List.of(product(8, 30), bad, product(10, 32)), 30L, 32L)));
    try (XSeriesClient c = client()) {
      Page<Product> p = c.products().list().firstPage();
      assertThat(p.items()).extracting(Product::id).containsExactly(uuid(8), uuid(10));
      assertThat(p.rejected()).hasSize(1);
      assertThat(p.rejected().get(0).id()).contains(uuid(9));
      assertThat(p.rejected().get(0).reason()).contains("Product could not be read");
      assertThat(p.next()).contains(PageCursor.parse("32"));
    }
  }

  static Stream<Arguments> deletedParameter() {
    Function<XSeriesClient, XSeriesResource<?>> products = XSeriesClient::products;
    Function<XSeriesClient, XSeriesResource<?>> outlets = XSeriesClient::outlets;
    Function<XSeriesClient, XSeriesResource<?>> registers = XSeriesClient::registers;
    Function<XSeriesClient, XSeriesResource<?>> customers = XSeriesClient::customers;
    Function<XSeriesClient, XSeriesResource<?>> sales = XSeriesClient::sales;
    Function<XSeriesClient, XSeriesResource<?>> inventory = XSeriesClient::inventory;
    Function<XSeriesClient, XSeriesResource<?>> suppliers = XSeriesClient::suppliers;
    Function<XSeriesClient, XSeriesResource<?>> consignments = XSeriesClient::consignments;
    return Stream.of(
        Arguments.of("products", products, true),
        Arguments.of("outlets", outlets, true),
        Arguments.of("registers", registers, true),
        Arguments.of("customers", customers, true),
        Arguments.of("sales", sales, false),
        Arguments.of("inventory", inventory, false),
        Arguments.of("suppliers", suppliers, false),
        Arguments.of("consignments", consignments, false));
  }

  @ParameterizedTest(name = "{0}: deleted=true offered = {2}")
  @MethodSource("deletedParameter")
  void deletedRecordsAreAskedForExactlyWhereTheSpecOffersIt(String path, Function<XSeriesClient, XSeriesResource<?>> r,
      boolean offered) throws Exception {
    server.enqueue(ok(empty()));
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      XSeriesResource<?> resource = r.apply(c);
      assertThat(resource.offersDeleted()).isEqualTo(offered);
      resource.list().firstPage();
      resource.list(XSeriesQuery.builder().includeDeleted(false).build()).firstPage();
      if (offered) {
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/2.0/" + path + "?after=0&deleted=true");
      } else {
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/2.0/" + path + "?after=0");
        assertThatThrownBy(() -> resource.list(XSeriesQuery.builder().includeDeleted(true).build()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offers no 'deleted' parameter");
      }
      assertThat(server.takeRequest().getTarget()).isEqualTo("/api/2.0/" + path + "?after=0");
    }
  }

  @Test
  void aDeletedProductArrivesWithItsDeletionTime() {
    String deleted = product(4, 77).replace("\"deleted_at\":null", "\"deleted_at\":\"2026-11-01T09:00:00+00:00\"");
    server.enqueue(ok(page(List.of(product(3, 70), deleted), 70L, 77L)));
    try (XSeriesClient c = client()) {
      List<Product> items = c.products().list().firstPage().items();
      assertThat(items).extracting(Product::deleted).containsExactly(false, true);
      assertThat(items.get(1).deletedAt()).contains(java.time.Instant.parse("2026-11-01T09:00:00Z"));
    }
  }

  @Test
  void nestedListsAndFiltersBuildTheirPaths() throws Exception {
    server.enqueue(ok(empty()));
    server.enqueue(ok(empty()));
    server.enqueue(ok(empty()));
    try (XSeriesClient c = client()) {
      c.consignments().list(XSeriesQuery.builder().filter("type", "SUPPLIER").filter("status", "OPEN").build())
          .firstPage();
      c.consignmentProducts(uuid(3)).list().firstPage();
      c.productInventory(uuid(4)).list(XSeriesQuery.builder().before(900).build()).firstPage();
      assertThatThrownBy(() -> c.productInventory("../../retailer")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(targets(3)).containsExactly(
        "/api/2.0/consignments?after=0&type=SUPPLIER&status=OPEN",
        "/api/2.0/consignments/" + uuid(3) + "/products?after=0",
        "/api/2.0/products/" + uuid(4) + "/inventory?after=0&before=900");
  }

  @Test
  void aCursorFromElsewhereIsRefused() {
    assertThatThrownBy(() -> XSeriesResource.version(PageCursor.parse("https://api.lightspeedapp.com/next")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an X-Series version cursor");
  }
}
