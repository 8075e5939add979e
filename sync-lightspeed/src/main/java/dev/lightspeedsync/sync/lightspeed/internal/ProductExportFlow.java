package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.model.Sku;
import dev.lightspeedsync.sync.rules.MasterDataConfig;
import dev.lightspeedsync.sync.rules.MasterDataRule;
import dev.lightspeedsync.sync.rules.MasterSide;
import dev.lightspeedsync.sync.rules.SkuRule;
import dev.lightspeedsync.sync.spi.LedgerKind;
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
 * Product export (seed 002, "Export products to Lightspeed") as every platform does it; the platform
 * ({@link Platform}) says only how a product is built, found, created, read and updated.
 *
 * <ul>
 *   <li><b>Codes</b>: every code is normalised with {@code SkuRule.normalize} under
 *       {@code SyncSettings.skus()} before it is compared or sent, so that the next catalogue sync
 *       stores the normalised code and a sale of a product whose code had spaces links back.
 *   <li><b>Matching</b>: a product is the record its ledger entry names (an earlier export or link),
 *       else the one active SKU the sink holds under its normalised code (that link is then recorded).
 *       A code several records share, or several host products in the call share, is never guessed
 *       ({@code SKU_DUPLICATE}); a product without a code is skipped ({@code SKU_MISSING}).
 *   <li><b>Master data</b>: with Lightspeed as master an existing record is not overwritten; with the
 *       host as master the platform sends only what {@code MasterDataRule} finds different.
 *   <li><b>Exactly once</b>: creates go through {@link CreateOnce} under {@code product:} + host id.
 * </ul>
 *
 * @param <P> what the platform creates from a host product
 * @param <R> the platform's record as read back
 */
public final class ProductExportFlow<P, R> {
  public static final String LEDGER_PREFIX = "product:";

  /** One host product on its way: its normalised code and what it becomes. */
  public record Planned<P>(Sku host, String code, P payload) {}

  /** The fields an update sends (in words, for the report), and how to send them. */
  public record Change(List<String> fields, Runnable send) {}

  /** What differs between the platforms. Messages use {@link #record()} ("item", "product"). */
  public interface Platform<P, R> {
    /** The platform's word for a product record, singular. */
    String record();

    /** The create in words without a code ({@code POST Item.json}). */
    String createVerb();

    /** A create or update of {@code code} in words ({@code POST/PUT Item customSku=X}). */
    String writeVerb(String code);

    /** An update of the record found by {@code code} ({@code PUT Item customSku=X}). */
    String updateVerb(String code);

    /** The update of one record ({@code PUT Item/1.json}). */
    String updatePath(String id);

    /** The remedy for a code several records share. */
    String duplicateRemedy();

    /** How records are searched by code after an unknown outcome, in words ({@code customSku 'X'}). */
    String lookup(String code);

    /** The platform id of a SKU the sink holds, or null when it is not one of this platform's. */
    @Nullable String linkableId(String sinkSkuId);

    /** Builds what a host product becomes; throws IllegalArgumentException (with the reason) when it cannot. */
    P payload(Sku host, String code, SkuRule skus);

    /** The create in words, with the values sent. */
    String describeCreate(Planned<P> p);

    /** The ids of live records holding this code (reconciliation after an unknown outcome). */
    List<String> find(Planned<P> p);

    /** Posts the product; returns its id. */
    String create(Planned<P> p);

    /** The current records of these ids (missing ones left out). */
    Map<String, R> read(List<String> ids);

    /** What to send to bring {@code current} to the host's values under the rule (host masters). */
    Change change(MasterDataRule rule, R current, Planned<P> p);
  }

  private final Platform<P, R> platform;
  private final SyncSink sink;
  private final MasterDataConfig master;
  private final SkuRule skus;
  private final Clock clock;
  private final boolean dryRun;
  private final CreateOnce once;

  public ProductExportFlow(Platform<P, R> platform, SyncSink sink, SyncSettings settings, Clock clock,
      boolean dryRun) {
    this.platform = platform;
    this.sink = sink;
    this.master = settings.effectiveMasterData();
    this.skus = SkuRule.of(settings.skus());
    this.clock = clock;
    this.dryRun = dryRun;
    this.once = new CreateOnce(sink, clock, dryRun, Kind.PRODUCT_EXPORT, RecordKind.SKU, LedgerKind.PRODUCT_EXPORT);
  }

  /** The SKU rule codes are normalised with. */
  public SkuRule skus() {
    return skus;
  }

  /** Exports {@code products}; the actions come out in input order. */
  public void run(List<Sku> products, List<WriteAction> out, List<RecordIssue> issues) {
    List<WriteAction> actions = new ArrayList<>();
    List<Planned<P>> valid = new ArrayList<>();
    Map<String, List<String>> hostByCode = new LinkedHashMap<>();
    for (Sku p : products) {
      Optional<Planned<P>> planned = plan(p, actions, issues);
      planned.ifPresent(valid::add);
      planned.ifPresent(x -> hostByCode.computeIfAbsent(x.code(), k -> new ArrayList<>()).add(p.id()));
    }
    Map<String, List<String>> lightspeedByCode = sink.findSkuIdsByCode(hostByCode.keySet());
    Map<String, Planned<P>> updates = new LinkedHashMap<>();
    for (Planned<P> p : valid) {
      String key = p.host().id();
      String ledgerKey = LEDGER_PREFIX + key;
      List<String> sameCode = hostByCode.get(p.code());
      if (sameCode.size() > 1) {
        issues.add(issue(key, ReasonCode.SKU_DUPLICATE, "Host products " + sameCode + " share the SKU '" + p.code()
            + "' (after whitespace normalisation); none of them is exported", "Give each host product a unique SKU"));
        actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, platform.writeVerb(p.code()), Status.SKIPPED,
            "SKU shared by host products " + sameCode));
        continue;
      }
      LedgerClaim claim = once.read(ledgerKey);
      String id = claim.externalId().orElse(null);
      if (id == null && claim.state() == LedgerClaim.State.UNCLAIMED) {
        List<String> linked = lightspeedByCode.getOrDefault(p.code(), List.of());
        if (linked.size() > 1) {
          issues.add(issue(key, ReasonCode.SKU_DUPLICATE, "SKU '" + p.code() + "' of host product " + key
              + " is shared by Lightspeed " + platform.record() + "s " + linked + "; the product is not linked,"
              + " updated or created", platform.duplicateRemedy()));
          actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, platform.updateVerb(p.code()), Status.SKIPPED,
              "SKU shared by Lightspeed " + platform.record() + "s " + linked));
          continue;
        }
        if (linked.size() == 1) {
          id = platform.linkableId(linked.get(0));
          if (id != null) {
            once.link(ledgerKey, id);
          }
        }
      }
      if (id != null) {
        if (master.master() == MasterSide.LIGHTSPEED) {
          actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, platform.updatePath(id), Status.ALREADY_DONE,
              "Lightspeed masters product data: the existing " + platform.record() + " is not overwritten")
              .withExternalId(id));
        } else {
          updates.put(id, p);
        }
        continue;
      }
      actions.add(once.create(claim, key, platform.describeCreate(p), platform.lookup(p.code()),
          CreateOnce.Target.of(() -> platform.find(p), () -> platform.create(p)), issues));
    }
    update(updates, actions, issues);
    out.addAll(Reports.inInputOrder(actions, products.stream().map(Sku::id).toList()));
  }

  /** Validates a host product and builds what it becomes; empty (and reported) when it cannot be. */
  private Optional<Planned<P>> plan(Sku p, List<WriteAction> actions, List<RecordIssue> issues) {
    String code = p.sku().map(skus::normalize).orElse("");
    if (code.isEmpty()) {
      issues.add(issue(p.id(), ReasonCode.SKU_MISSING, "Host product " + p.id() + " has no SKU, so it cannot be"
          + " linked to or created in Lightspeed exactly once", "Enter a unique SKU for this product"));
      actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, p.id(), platform.createVerb(), Status.SKIPPED, "no SKU"));
      return Optional.empty();
    }
    try {
      return Optional.of(new Planned<>(p, code, platform.payload(p, code, skus)));
    } catch (IllegalArgumentException e) {
      issues.add(issue(p.id(), ReasonCode.MALFORMED_RECORD, "Host product " + p.id() + " cannot be exported: "
          + e.getMessage(), "Correct the product in the host"));
      actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, p.id(), platform.writeVerb(code), Status.SKIPPED,
          e.getMessage()));
      return Optional.empty();
    }
  }

  /** Host master: sends to each linked record only the fields that differ from what Lightspeed holds now. */
  private void update(Map<String, Planned<P>> updates, List<WriteAction> actions, List<RecordIssue> issues) {
    if (updates.isEmpty()) {
      return;
    }
    Map<String, R> current;
    try {
      current = platform.read(new ArrayList<>(updates.keySet()));
    } catch (LightspeedException e) {
      updates.forEach((id, p) -> actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, p.host().id(),
          platform.updatePath(id), Status.FAILED, "could not read the " + platform.record() + ": "
              + ReceiptBooker.describe(e) + "; nothing sent")));
      return;
    }
    MasterDataRule rule = MasterDataRule.of(master);
    for (Map.Entry<String, Planned<P>> e : updates.entrySet()) {
      String id = e.getKey();
      String key = e.getValue().host().id();
      R record = current.get(id);
      if (record == null) {
        issues.add(issue(key, ReasonCode.SKU_NOT_LINKED, "Host product " + key + " is linked to Lightspeed "
            + platform.record() + " " + id + ", which no longer exists", "Check the " + platform.record()
            + " in Lightspeed"));
        actions.add(WriteAction.of(Kind.PRODUCT_EXPORT, key, platform.updatePath(id), Status.SKIPPED,
            platform.record() + " " + id + " not found"));
        continue;
      }
      actions.add(update(id, platform.change(rule, record, e.getValue()), key));
    }
  }

  private WriteAction update(String id, Change change, String key) {
    List<String> fields = change.fields();
    String request = platform.updatePath(id) + " " + (fields.isEmpty() ? "(nothing)" : String.join(", ", fields));
    if (fields.isEmpty()) {
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, Status.ALREADY_DONE, "Lightspeed already holds the"
          + " host's values").withExternalId(id);
    }
    if (dryRun) {
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, Status.PLANNED, "").withExternalId(id);
    }
    try {
      change.send().run();
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, Status.DONE, "").withExternalId(id);
    } catch (LightspeedException e) {
      return WriteAction.of(Kind.PRODUCT_EXPORT, key, request, e.requestMayHaveBeenApplied() ? Status.PENDING
          : Status.FAILED, ReceiptBooker.describe(e) + "; the next run reads the " + platform.record()
          + " again and sends only what still differs").withExternalId(id);
    }
  }

  private RecordIssue issue(String id, ReasonCode reason, String problem, String remedy) {
    return RecordIssue.of(RecordKind.SKU, Objects.requireNonNull(id), reason, problem, remedy, clock.instant());
  }
}
