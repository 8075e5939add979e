package dev.lightspeedsync.client.hostile;

import static dev.lightspeedsync.client.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.ecom.EcomQuery;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.error.PaginationException;
import dev.lightspeedsync.client.pagination.Page;
import dev.lightspeedsync.client.pagination.PageCursor;
import dev.lightspeedsync.client.pagination.Paginated;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Hostile servers whose cursors never end: each answers every request for ever, so without the
 * detection each test would loop until its preemptive timeout.
 */
class RepeatingCursorTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private String base() {
    return server.url("/").toString();
  }

  private String itemUrl(String after) {
    return base() + "API/V3/Account/1/Item.json?after=" + after;
  }

  private void serve(Map<String, String> bodyByAfter, String first) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String after = request.getUrl().queryParameter("after");
        return json(bodyByAfter.getOrDefault(after == null ? "" : after, first));
      }
    });
  }

  private RetailClient retail() {
    return RetailClient.builder().accountId(1).baseUrl(base()).accessToken("t").clock(time).sleeper(time).build();
  }

  @Test
  void anRSeriesPageThatPointsAtItselfFailsNamingTheCursor() {
    String self = itemUrl("A");
    serve(Map.of("A", Hostile.itemsPage(3, 2, self)), Hostile.itemsPage(1, 2, self));
    try (RetailClient c = retail()) {
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(PaginationException.class, e -> {
            // R-Series cursors are saved without scheme, host and port
            assertThat(e.cursor()).isEqualTo("/Item.json?after=A");
            assertThat(e.getMessage()).contains("names itself", "/Item.json?after=A").doesNotContain("HTTP 0");
            assertThat(e).isInstanceOf(LightspeedException.class);
          }));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anRSeriesCycleOfCursorsFailsAfterOneRound() {
    String a = itemUrl("A");
    String b = itemUrl("B");
    String c = itemUrl("C");
    serve(Map.of("A", Hostile.itemsPage(3, 2, b), "B", Hostile.itemsPage(5, 2, c), "C", Hostile.itemsPage(7, 2, a)),
        Hostile.itemsPage(1, 2, a));
    try (RetailClient client = retail()) {
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> client.items().list().stream().count())
          .isInstanceOfSatisfying(PaginationException.class, e -> {
            assertThat(e.cursor()).isEqualTo("/Item.json?after=A");
            assertThat(e.getMessage()).contains("cycle", "after 4 page(s)");
          }));
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aSecretInTheRepeatedCursorIsRedacted() {
    String self = itemUrl("A") + "&access_token=SECRET-ACCESS&client_secret=SECRET-CLIENT";
    serve(Map.of("A", Hostile.itemsPage(3, 2, self)), Hostile.itemsPage(1, 2, self));
    try (RetailClient c = retail()) {
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(PaginationException.class, e -> {
            assertThat(e.cursor()).contains("access_token=REDACTED", "client_secret=REDACTED", "after=A")
                .doesNotContain("SECRET");
            assertThat(e.getMessage()).doesNotContain("SECRET");
          }));
    }
  }

  @Test
  void anEcomServerThatIgnoresThePageNumberFails() {
    // every page=N answers the same full page of records
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(Hostile.variants(1, 3));
      }
    });
    try (EcomClient c = EcomClient.builder().baseUrl(base()).language("nl")
        .credentials(Hostile.ECOM_KEY, Hostile.ECOM_SECRET).clock(time).sleeper(time).build()) {
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(
          () -> c.variants().list(EcomQuery.builder().limit(3).build()).stream().count())
          .isInstanceOfSatisfying(PaginationException.class, e -> {
            assertThat(e.cursor()).isEqualTo("page:3");
            assertThat(e.getMessage()).contains("same 3 record(s)", "ignores the cursor");
          }));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anEcomIdWalkThatIgnoresSinceIdFailsRatherThanLooping() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(Hostile.variants(1, 3));
      }
    });
    try (EcomClient c = EcomClient.builder().baseUrl(base()).language("nl")
        .credentials(Hostile.ECOM_KEY, Hostile.ECOM_SECRET).clock(time).sleeper(time).build()) {
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(
          () -> c.variants().walkById(EcomQuery.builder().limit(3).build()).stream().count())
          .isInstanceOf(LightspeedException.class)
          .hasMessageContaining("since_id was ignored"));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anXSeriesListWhoseAfterDoesNotAdvanceFails() {
    // every after=V answers the first page again
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(Hostile.products(1, 3, 100));
      }
    });
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(base()).personalToken(Hostile.XS_TOKEN).clock(time)
        .sleeper(time).build()) {
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> c.products().list().stream().count())
          .isInstanceOfSatisfying(PaginationException.class, e -> assertThat(e.cursor()).isEqualTo("after=102")));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLegitimateWalkOfManyPagesIsNotMistakenForACycle() {
    AtomicInteger served = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int n = served.incrementAndGet();
        return json(Hostile.itemsPage(n * 2, 2, n < 60 ? itemUrl("p" + n) : ""));
      }
    });
    try (RetailClient c = retail()) {
      assertThat(c.items().list().stream().count()).isEqualTo(120);
    }
  }

  /** The detection lives in {@link Paginated}, so host-built lists get it too. */
  @Test
  void paginatedDetectsCyclesOfAnyFetcher() {
    Paginated<String> cycle = Paginated.of(cursor -> page(cursor, List.of("x" + (cursor == null ? "0" : cursor.asString())),
        cursor == null ? "1" : cursor.asString().equals("1") ? "2" : "1"));
    assertThatThrownBy(() -> cycle.stream().count()).isInstanceOf(PaginationException.class)
        .hasMessageContaining("next cursor 1");
  }

  @Test
  void oneRepeatedSingleRecordPageIsAShiftButTwoAreNot() {
    // page-number walks legitimately repeat a record when one is inserted before it during the walk
    Paginated<String> shifted = Paginated.of(cursor -> {
      int n = cursor == null ? 1 : Integer.parseInt(cursor.asString());
      return page(cursor, List.of(n <= 2 ? "a" : "b" + n), n < 4 ? Integer.toString(n + 1) : null);
    });
    assertThat(shifted.stream()).containsExactly("a", "a", "b3", "b4");

    Paginated<String> stuck = Paginated.of(cursor -> {
      int n = cursor == null ? 1 : Integer.parseInt(cursor.asString());
      return page(cursor, List.of("a"), Integer.toString(n + 1));
    });
    assertThatThrownBy(() -> stuck.stream().count()).isInstanceOf(PaginationException.class);
  }

  private static Page<String> page(@Nullable PageCursor cursor, List<String> items, @Nullable String next) {
    return Page.of(items, cursor, next == null ? null : PageCursor.parse(next));
  }
}
