package dev.lightspeedsync.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTallyTest {
  @Test
  void countsRepeatsPerUrlAndByShape() {
    RequestTally t = RequestTally.of(List.of(
        "/nl/orders.json?since_id=0&limit=250",
        "/nl/orders/17/products.json",
        "/nl/orders/18/products.json",
        "/nl/orders.json?since_id=0&limit=250",
        "/nl/orders/17/products.json",
        "/nl/orders/17/products.json",
        "/nl/products.json?since_id=250&limit=250"));
    assertThat(t.total()).isEqualTo(7);
    assertThat(t.distinct()).isEqualTo(4);
    assertThat(t.repeats()).isEqualTo(3);
    assertThat(t.repeated()).containsExactly(Map.entry("/nl/orders.json?since_id=0&limit=250", 2),
        Map.entry("/nl/orders/17/products.json", 3));
    assertThat(t.repeatsByShape()).containsExactly(Map.entry("/nl/orders.json", 1L),
        Map.entry("/nl/orders/{n}/products.json", 2L));
    assertThat(t.examples(1)).containsExactly("/nl/orders.json?since_id=0&limit=250 x2");
  }

  @Test
  void noRepeatsWhenEveryUrlIsReadOnce() {
    RequestTally t = RequestTally.of(List.of("/a?after=1", "/a?after=2", "/b"));
    assertThat(t.repeats()).isZero();
    assertThat(t.repeated()).isEmpty();
    assertThat(t.repeatsByShape()).isEmpty();
  }
}
