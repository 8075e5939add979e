package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.ecom.EcomWriter;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesWriter;
import dev.lightspeedsync.sync.model.StockLevel;
import dev.lightspeedsync.sync.rules.AvailabilityConfig;
import dev.lightspeedsync.sync.rules.AvailabilityRule;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import dev.lightspeedsync.sync.rules.PushPlan;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code push-stock}: each line is the host's stock of one SKU at one location; the available figure
 * (on hand minus allocated; a negative one is written as 0) is written to Lightspeed as the absolute
 * quantity on hand, only when it differs from what this command pushed last time (kept in
 * {@code ls_app_last_pushed} of {@code --db}). Repeating an absolute value is harmless, so a push
 * whose outcome is unknown is simply pushed again by the next run. R-Series item stock, eCom variant
 * stock levels ({@code EcomWriter.pushStock}) or X-Series outlet inventory ({@code
 * XSeriesWriter.pushStock}, which reads the level first and writes only outlets that differ).
 */
@Command(name = "push-stock", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Pushes the host's available stock to Lightspeed, only the figures that changed since the last push (seeds 002, 003).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"skuId\":\"123\",\"locationId\":\"1\",\"onHand\":12,\"allocated\":2}",
        "  skuId: retail the itemID, ecom the variant id, xseries the product id;",
        "  locationId: retail the shopID, ecom webshop, xseries the outlet id;",
        "    with --outlet-mapping (retail, xseries) the host's warehouse code, written to the shop or outlet it maps to;",
        "  onHand: whole units on hand in the host;",
        "  allocated (optional, default 0): units reserved in the host. Available = onHand - allocated.",
        "Output: one JSON object a line per figure: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\"},",
        "  key skuId@locationId; status DONE, UNCHANGED (same as the last push), PLANNED (--dry-run),",
        "  SUPPRESSED (--read-only), SKIPPED, PENDING or FAILED (outcome unknown or refused: pushed again by the next run),",
        "  INVALID."})
final class PushStockCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("skuId", "locationId", "onHand", "allocated");

  @Mixin
  OutletMappingOption outlets = new OutletMappingOption();

  @Override
  OutletMappingOption outletMapping() {
    return outlets;
  }

  PushStockCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("retail", "ecom", "xseries"), FIELDS, 3);
  }

  private static StockLevel level(Line l) {
    long allocated = l.json().hasNonNull("allocated") ? wholeNumber(l, "allocated") : 0;
    if (allocated < 0) {
      throw new IllegalArgumentException("'allocated' must not be negative");
    }
    return StockLevel.builder().skuId(text(l, "skuId")).locationId(text(l, "locationId")).onHand(wholeNumber(l, "onHand"))
        .allocated(allocated).build();
  }

  @Override
  void validate(Line line) {
    level(line);
  }

  @Override
  String keyOf(Line line) {
    StockLevel s = level(line);
    return AvailabilityRule.key(s.skuId(), s.locationId());
  }

  @Override
  WriteReport write(Target target, List<Line> lines) throws SQLException {
    AvailabilityConfig availability = AvailabilityConfig.builder().pushStock(true).readOnly(readOnly()).build();
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly()).availability(availability).build();
    PushPlan plan = AvailabilityRule.of(availability).plan(lines.stream().map(PushStockCommand::level).toList(),
        CompositeBreakdown.compile(List.of(), CompositeConfig.defaults(), Instant.now()), lastPushed(target.db));
    WriteReport report = switch (platform()) {
      case "ecom" -> EcomWriter.builder().client(target.ecom()).sink(target.sink).settings(settings).dryRun(dryRun).build()
          .pushStock(plan);
      case "xseries" -> XSeriesWriter.builder().client(target.xseries()).sink(target.sink).settings(settings)
          .dryRun(dryRun).build().pushStock(plan);
      default -> RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun).build()
          .pushStock(plan);
    };
    if (!dryRun) {
      remember(target.db, report.pushedValues());
    }
    return report;
  }

  private static void createTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS ls_app_last_pushed (push_key VARCHAR(200) PRIMARY KEY, available BIGINT NOT NULL)");
    }
  }

  private static Map<String, Long> lastPushed(ConnectionPool db) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = db.connection()) {
      createTable(c);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT push_key, available FROM ls_app_last_pushed")) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private static void remember(ConnectionPool db, Map<String, Long> pushed) throws SQLException {
    try (Connection c = db.connection()) {
      createTable(c);
      try (PreparedStatement del = c.prepareStatement("DELETE FROM ls_app_last_pushed WHERE push_key = ?");
          PreparedStatement ins = c.prepareStatement("INSERT INTO ls_app_last_pushed (push_key, available) VALUES (?, ?)")) {
        for (Map.Entry<String, Long> e : pushed.entrySet()) {
          del.setString(1, e.getKey());
          del.executeUpdate();
          ins.setString(1, e.getKey());
          ins.setLong(2, e.getValue());
          ins.executeUpdate();
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
