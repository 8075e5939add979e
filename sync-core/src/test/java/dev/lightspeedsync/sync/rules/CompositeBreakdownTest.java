package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.sync.Fixtures;
import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.Component;
import dev.lightspeedsync.sync.model.CompositeDefinition;
import dev.lightspeedsync.sync.model.CompositeKind;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompositeBreakdownTest {

  /** "A=B*2,c*1" : composite A of 2 B and 1 c. */
  static CompositeDefinition def(String spec) {
    String[] parts = spec.split("=");
    CompositeDefinition.Builder b = CompositeDefinition.builder();
    b.compositeSkuId(parts[0]);
    for (String c : parts[1].split(",")) {
      String[] q = c.split("\\*");
      b.addComponents(Component.of(q[0], Long.parseLong(q[1])));
    }
    return b.build();
  }

  static List<CompositeDefinition> defs(String... specs) {
    return Arrays.stream(specs).map(CompositeBreakdownTest::def).toList();
  }

  static SalesOrder sale(String sku, long qty) {
    return Fixtures.retailSale("S1", SaleStatus.COMPLETED)
        .lines(List.of(SalesLine.of("L1", sku, qty))).build();
  }

  static CompositeBreakdown compile(List<CompositeDefinition> defs) {
    return CompositeBreakdown.compile(defs, CompositeConfig.defaults(), AS_OF);
  }

  static Stream<Arguments> breakdowns() {
    return Stream.of(
        Arguments.of("plain SKU: demand stays on itself", List.of("BOX=x*6"), "y", 3L,
            "y:3:"),
        Arguments.of(Seeds.S000 + "'the sales history of the composite product is transferred to"
            + " the underlying products'", List.of("K=a*1,b*2"), "K", 3L, "a:3:K;b:6:K"),
        Arguments.of(Seeds.DESIGN + "nested composites: quantities multiplied, provenance kept",
            List.of("K=a*1,M*2", "M=b*3,c*1"), "K", 2L, "a:2:K;b:12:K>M;c:4:K>M"),
        Arguments.of(Seeds.DESIGN + "three levels deep", List.of("T=M*2", "M=N*2", "N=z*5"), "T",
            1L, "z:20:T>M>N"),
        Arguments.of(Seeds.DESIGN + "a return (negative quantity) is negative component demand",
            List.of("K=a*1,b*2"), "K", -1L, "a:-1:K;b:-2:K"),
        Arguments.of(Seeds.S002 + "R-Series box: a pack of one component", List.of("P=x*6"), "P",
            2L, "x:12:P"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakdowns")
  @DisplayName("Rule 5: composite sales become component demand")
  void breaksDown(String sentence, List<String> specs, String sold, long qty, String expected) {
    BreakdownResult result = compile(defs(specs.toArray(String[]::new)))
        .breakDown(List.of(sale(sold, qty)));

    String actual = String.join(";", result.demand().stream()
        .map(d -> d.skuId() + ":" + d.quantity() + ":" + String.join(">", d.path())).toList());
    assertThat(actual).isEqualTo(expected);
    assertThat(result.demand()).allSatisfy(d -> {
      assertThat(d.orderId()).isEqualTo("S1");
      assertThat(d.lineId()).isEqualTo("L1");
      assertThat(d.soldSkuId()).isEqualTo(sold);
    });
  }

  @Test
  @DisplayName("Rule 5: the column-wise result reads the same through its accessors and its list"
      + " view, and rejects an index out of range")
  void resultAccessors() {
    BreakdownResult result = compile(defs("K=a*1,b*2")).breakDown(List.of(
        Fixtures.retailSale("S1", SaleStatus.COMPLETED).lines(List.of(SalesLine.of("L1", "K", 2),
            SalesLine.of("L2", "z", 5))).build()));

    assertThat(result.size()).isEqualTo(3);
    assertThat(result.skuId(1)).isEqualTo("b");
    assertThat(result.quantity(1)).isEqualTo(4);
    assertThat(result.demand()).containsExactly(
        new ComponentDemand("S1", "L1", "K", "a", 2, List.of("K")),
        new ComponentDemand("S1", "L1", "K", "b", 4, List.of("K")),
        new ComponentDemand("S1", "L2", "z", "z", 5, List.of()));
    assertThat(result.totalsBySku()).containsExactly(Map.entry("a", 2L), Map.entry("b", 4L),
        Map.entry("z", 5L));
    assertThatThrownBy(() -> result.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(result).hasToString("BreakdownResult{rows=3}");
  }

  @Test
  @DisplayName(Seeds.S000 + "optionally the composite keeps its own demand as well")
  void keepCompositeDemand() {
    CompositeBreakdown b = CompositeBreakdown.compile(defs("K=a*1,b*2"),
        CompositeConfig.builder().keepCompositeDemand(true).build(), AS_OF);

    BreakdownResult result = b.breakDown(List.of(sale("K", 1)));

    assertThat(result.demand()).extracting(ComponentDemand::skuId).containsExactly("K", "a", "b");
    assertThat(result.demand().get(0).fromComposite()).isFalse();
    assertThat(result.demand().get(1).fromComposite()).isTrue();
    assertThat(result.totalsBySku()).containsExactly(Map.entry("K", 1L), Map.entry("a", 1L),
        Map.entry("b", 2L));
  }

  static Stream<Arguments> cycles() {
    return Stream.of(
        Arguments.of(List.of("A=A*1"), "A -> A"),
        Arguments.of(List.of("A=B*1", "B=A*2"), "A -> B -> A"),
        Arguments.of(List.of("C=A*1", "A=B*1,x*1", "B=C*1"), "A -> B -> C -> A"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cycles")
  @DisplayName(Seeds.DESIGN + "'cycles are rejected naming the cycle'; their sales stay on"
      + " themselves")
  void cyclesAreRejectedAndNamed(List<String> specs, String named) {
    CompositeBreakdown b = compile(defs(specs.toArray(String[]::new)));

    assertThat(b.problems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(ReasonCode.COMPOSITE_CYCLE);
      assertThat(p.problem()).endsWith(named);
    });
    assertThat(b.isComposite("A")).isFalse();
    assertThat(b.breakDown(List.of(sale("A", 1))).demand()).singleElement()
        .satisfies(d -> assertThat(d.skuId()).isEqualTo("A"));
  }

  @Test
  @DisplayName(Seeds.DESIGN + "a composite containing a cyclic one is rejected and reported too;"
      + " unrelated composites still work")
  void containerOfCycleRejected() {
    CompositeBreakdown b = compile(defs("OUTER=A*1,x*1", "A=B*1", "B=A*1", "OK=x*2"));

    assertThat(b.problems()).extracting(RecordIssue::recordId, RecordIssue::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("A", ReasonCode.COMPOSITE_CYCLE),
            org.assertj.core.groups.Tuple.tuple("OUTER", ReasonCode.COMPOSITE_CYCLE));
    assertThat(b.isComposite("OUTER")).isFalse();
    assertThat(b.isComposite("OK")).isTrue();
  }

  @Test
  @DisplayName("Rule 5: nesting deeper than CompositeConfig.maxDepth is rejected and reported")
  void tooDeep() {
    CompositeBreakdown b = CompositeBreakdown.compile(defs("L3=L2*1", "L2=L1*1", "L1=x*1"),
        CompositeConfig.builder().maxDepth(2).build(), AS_OF);

    assertThat(b.isComposite("L1")).isTrue();
    assertThat(b.isComposite("L2")).isTrue();
    assertThat(b.isComposite("L3")).isFalse();
    assertThat(b.problems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(ReasonCode.COMPOSITE_TOO_DEEP);
      assertThat(p.problem()).contains("3 levels").contains("at most 2");
    });
  }

  @Test
  @DisplayName("Rule 5: a composite defined twice uses the first definition and is reported")
  void definedTwice() {
    CompositeBreakdown b = compile(defs("K=a*1", "K=b*1"));

    assertThat(b.breakDown(List.of(sale("K", 1))).demand()).extracting(ComponentDemand::skuId)
        .containsExactly("a");
    assertThat(b.problems()).extracting(RecordIssue::reason)
        .containsExactly(ReasonCode.COMPOSITE_DEFINED_TWICE);
  }

  @ParameterizedTest(name = "stock {1} -> buildable {2} limited by {3}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "K=a*1,b*2|a=10,b=10|5|b",
      "K=a*1,b*2|a=3,b=10|3|a",
      "K=a*1,b*2|a=10|0|b",
      "K=a*1,b*2|a=10,b=-4|0|b",
      "K=a*2,M*1;M=a*1,c*3|a=9,c=30|3|a",
      "K=a*1|a=0|0|a"})
  @DisplayName(Seeds.S002 + "'include the quantity for auto-assembled products': buildable = min over"
      + " components of floor(available / quantity)")
  void buildable(String specs, String stock, long expected, String limiting) {
    CompositeBreakdown b = compile(defs(specs.split(";")));
    Map<String, Long> available = new HashMap<>();
    for (String kv : stock.split(",")) {
      String[] p = kv.split("=");
      available.put(p[0], Long.parseLong(p[1]));
    }

    Buildable result = b.buildable("K", available);

    assertThat(result.quantity()).isEqualTo(expected);
    assertThat(result.limitingSkuId()).contains(limiting);
  }

  @Test
  @DisplayName("Rule 5: a SKU that is not a composite cannot be built")
  void notComposite() {
    Buildable result = compile(defs("K=a*1")).buildable("a", Map.of("a", 5L));

    assertThat(result.quantity()).isZero();
    assertThat(result.limitingSkuId()).isEmpty();
  }

  @ParameterizedTest(name = "maxDepth={0}")
  @CsvSource({"0", "-1", "17"})
  @DisplayName("CompositeConfig rejects maxDepth outside 1..16, naming the field")
  void badConfig(int maxDepth) {
    assertThatThrownBy(() -> CompositeConfig.builder().maxDepth(maxDepth).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CompositeConfig.maxDepth must be between 1 and 16");
  }

  static Stream<Arguments> badDefinitions() {
    return Stream.of(
        Arguments.of(CompositeDefinition.builder().compositeSkuId("K"),
            "CompositeDefinition.components must not be empty"),
        Arguments.of(CompositeDefinition.builder().compositeSkuId("K")
            .addComponents(Component.of("a", 1), Component.of("a", 2)),
            "CompositeDefinition.components lists SKU a twice"),
        Arguments.of(CompositeDefinition.builder().compositeSkuId("K").kind(CompositeKind.BOX)
            .addComponents(Component.of("a", 1), Component.of("b", 2)),
            "CompositeDefinition.components of a BOX must hold exactly one"),
        Arguments.of(CompositeDefinition.builder().compositeSkuId(" ")
            .addComponents(Component.of("a", 1)),
            "CompositeDefinition.compositeSkuId must not be blank"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badDefinitions")
  @DisplayName("CompositeDefinition rejects a bad definition, naming the field")
  void badDefinition(CompositeDefinition.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "quantity {0}")
  @CsvSource({"0", "-2"})
  @DisplayName("Component rejects a quantity that is not positive")
  void badComponent(long quantity) {
    assertThatThrownBy(() -> Component.of("a", quantity))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Component.quantity must be positive");
  }
}
