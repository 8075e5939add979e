package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eCom order flows of {@code sync --platform ecom} against the embedded testkit: the order
 * import ({@code --orders paid|all|eligible}, {@code --order-window}) hands each order over once
 * into {@code ls_order_import}, reported in the summaries and exported by {@code export --what
 * orders}; {@code --sales paid|all} selects the sales history.
 */
class EcomOrdersAppTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private String db(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private AppRun sync(String db, Path summary, String... extra) {
    List<String> args = new ArrayList<>(List.of("sync", "--platform", "ecom", "--db", db, "--testkit-items", "200",
        "--testkit-sales", "400", "--time-scale", "1000", "--progress", "none", "--no-activity", "--summary-json",
        summary.toString()));
    args.addAll(List.of(extra));
    AppRun run = AppRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static List<JsonNode> export(String db, String what) throws IOException {
    AppRun run = AppRun.of("export", "--db", db, "--what", what);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static Set<String> orderIds(List<JsonNode> lines) {
    Set<String> ids = new TreeSet<>();
    lines.forEach(l -> ids.add(l.get("orderId").asText()));
    return ids;
  }

  @Test
  void theOrderImportHandsEachOrderOverOnceAndASecondRunHandsOverNothingNew() throws IOException {
    String db = db("once");
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");

    AppRun run1 = sync(db, first, "--orders", "eligible", "--order-window", "12h");
    List<JsonNode> afterFirst = export(db, "orders");
    AppRun run2 = sync(db, second, "--orders", "eligible");
    List<JsonNode> afterSecond = export(db, "orders");

    long handed = read(first).get("ordersHandedOver").asLong();
    assertThat(handed).isPositive();
    assertThat(orderIds(afterFirst)).hasSize((int) handed);
    assertThat(run1.outLines()).anySatisfy(l -> assertThat(l.replaceAll(" +", " ").strip())
        .isEqualTo("orders " + handed + " handed over to ls_order_import (new in this run)"));
    assertThat(read(second).get("ordersHandedOver").asLong()).isZero();
    assertThat(run2.outLines()).anySatisfy(l -> assertThat(l.replaceAll(" +", " ").strip())
        .isEqualTo("orders 0 handed over to ls_order_import (new in this run)"));
    assertThat(afterSecond).isEqualTo(afterFirst); // nothing new, nothing twice, same hand-over order
    // every line belongs to an order eligible to ship: paid or cash on delivery, never shipped
    assertThat(afterFirst).allSatisfy(l -> {
      assertThat(l.get("paymentStatus").asText().equalsIgnoreCase("paid") || l.get("cashOnDelivery").asBoolean())
          .as(l.toString()).isTrue();
      assertThat(l.get("quantity").asLong()).isPositive();
    });
  }

  @Test
  void theModesHandOverDifferentOrders() throws IOException {
    Set<String> paid = handedOver("paid");
    Set<String> eligible = handedOver("eligible");
    Set<String> all = handedOver("all");

    assertThat(paid).isNotEmpty();
    assertThat(eligible).containsAll(paid);
    assertThat(all).containsAll(eligible);
    assertThat(all).hasSizeGreaterThan(paid.size()); // unpaid orders only with "all"
  }

  private Set<String> handedOver(String mode) throws IOException {
    String db = db("mode-" + mode);
    Path summary = dir.resolve(mode + ".json");
    sync(db, summary, "--orders", mode);
    Set<String> ids = orderIds(export(db, "orders"));
    assertThat(ids).hasSize((int) read(summary).get("ordersHandedOver").asLong());
    return ids;
  }

  @Test
  void withoutOrdersNothingIsHandedOverAndTheSummaryHasNoOrderLine() throws IOException {
    String db = db("none");
    Path summary = dir.resolve("none.json");

    AppRun run = sync(db, summary);

    assertThat(read(summary).get("ordersHandedOver").asLong()).isZero();
    assertThat(export(db, "orders")).isEmpty();
    assertThat(run.out()).doesNotContain("handed over");
  }

  @Test
  void salesPaidAndAllSelectDifferentHistories() throws IOException {
    Path paid = dir.resolve("sales-paid.json");
    Path all = dir.resolve("sales-all.json");

    sync(db("sales-paid"), paid, "--sales", "paid");
    sync(db("sales-all"), all, "--sales", "all");

    long paidOrders = read(paid).get("salesOrders").asLong();
    assertThat(paidOrders).isPositive();
    assertThat(read(all).get("salesOrders").asLong()).isGreaterThan(paidOrders);
    assertThat(orderIds(export(db("sales-all"), "sales"))).containsAll(orderIds(export(db("sales-paid"), "sales")));
  }
}
