package dev.lightspeedsync.sync.lightspeed.ecom;

import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.internal.Pushes;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.rules.PushPlan;
import dev.lightspeedsync.sync.rules.StockPush;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes to an eCom shop: the stock push of a warehouse or ERP (seed 003 "stock push"): the
 * available quantities of sync-core's {@link PushPlan} become variant stock levels.
 *
 * <p>Off by default and refused in read-only mode (the report is returned with
 * {@link WriteReport#suppressedBecause()} and nothing is sent). A dry run lists the writes it would
 * send without sending any. Stock levels are absolute, so a push whose outcome is unknown is simply
 * not reported as pushed and is sent again by the next plan. Requests are paced by the client's
 * rate limiter. Thread-safe.
 */
public final class EcomWriter {
  private final EcomClient client;
  private final SyncSink sink;
  private final SyncSettings settings;
  private final Clock clock;
  private final boolean dryRun;

  private EcomWriter(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client is required");
    this.sink = Objects.requireNonNull(b.sink, "sink is required");
    this.settings = Objects.requireNonNull(b.settings, "settings is required");
    this.clock = b.clock;
    this.dryRun = b.dryRun;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Pushes the plan's available quantities as variant stock levels ({@code PUT /variants/{id}}).
   * SKU ids must be eCom variant ids and the location {@value EcomMapping#WEBSHOP}; others are
   * skipped and logged. Negative availability is written as 0.
   */
  public WriteReport pushStock(PushPlan plan) {
    Objects.requireNonNull(plan, "plan == null");
    Optional<WriteReport> none = Pushes.suppressed(settings, plan, dryRun);
    if (none.isPresent()) {
      return none.get();
    }
    List<WriteAction> actions = new ArrayList<>();
    List<RecordIssue> issues = new ArrayList<>();
    Map<String, Long> pushed = new LinkedHashMap<>();
    for (StockPush p : plan.pushes()) {
      Optional<Long> variantId = variantId(p.skuId());
      if (variantId.isEmpty() || !p.locationId().equals(EcomMapping.WEBSHOP)) {
        issues.add(RecordIssue.of(RecordKind.STOCK, p.key(), ReasonCode.SKU_NOT_LINKED,
            "stock of " + p.key() + " cannot be pushed to eCom: the SKU id must be a variant id and the location '"
                + EcomMapping.WEBSHOP + "'",
            "link the SKU to an eCom variant", clock.instant()));
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), "PUT variants stockLevel " + p.available(), Status.SKIPPED,
            "not an eCom variant at the webshop location"));
        continue;
      }
      long level = Math.max(0, p.available());
      String previous = p.previous().isPresent() ? p.previous().getAsLong() + " -> " : "";
      String request = "PUT variants/" + variantId.get() + ".json stockLevel " + previous + level;
      String note = p.available() < 0 ? "available " + p.available() + " written as 0" : "";
      if (dryRun) {
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, Status.PLANNED, note));
        continue;
      }
      try {
        client.setVariantStockLevel(variantId.get(), level);
        pushed.put(p.key(), p.available());
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, Status.DONE, note));
      } catch (LightspeedException e) {
        Status status = e.requestMayHaveBeenApplied() ? Status.PENDING : Status.FAILED;
        actions.add(WriteAction.of(Kind.STOCK_PUSH, p.key(), request, status, e.getMessage()
            + "; not recorded as pushed, so the next plan pushes it again (absolute, harmless)"));
      }
    }
    if (!dryRun) {
      sink.logIssues(issues);
    }
    return new WriteReport(dryRun, Optional.empty(), actions, plan.unchanged(), issues, pushed);
  }

  private static Optional<Long> variantId(String skuId) {
    try {
      long id = Long.parseLong(skuId);
      return id > 0 ? Optional.of(id) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Builds an {@link EcomWriter}. Not thread-safe. */
  public static final class Builder {
    private @Nullable EcomClient client;
    private @Nullable SyncSink sink;
    private @Nullable SyncSettings settings;
    private Clock clock = Clock.systemUTC();
    private boolean dryRun;

    private Builder() {}

    public Builder client(EcomClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    public Builder sink(SyncSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /** The rule settings; the push runs only when availability push is enabled and not read-only. */
    public Builder settings(SyncSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Plan only: list the writes without sending any. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public EcomWriter build() {
      return new EcomWriter(this);
    }
  }
}
