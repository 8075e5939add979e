package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Customer export (seed 002, "Export customers to Lightspeed") as every platform does it; the platform
 * ({@link Platform}) says how a customer is built, found, created, read and updated. Each host customer
 * is keyed by {@link Customer#id()}: the first export creates it through {@link CreateOnce} (ledger key
 * {@code customer:} + host id); later exports update the customer the ledger names with only the fields
 * that differ from what Lightspeed holds now (values the host leaves empty are kept), so a rerun never
 * duplicates.
 *
 * @param <P> what the platform creates from a host customer
 * @param <R> the platform's customer as read back
 */
public final class CustomerExportFlow<P, R> {
  public static final String LEDGER_PREFIX = "customer:";

  /** What differs between the platforms. */
  public interface Platform<P, R> {
    /** The create in words without values ({@code POST Customer.json}). */
    String createVerb();

    /** The update of one customer ({@code PUT Customer/1.json}). */
    String updatePath(String id);

    /** Builds what a host customer (cleaned) becomes; throws IllegalArgumentException when it cannot. */
    P payload(Customer host);

    /** The create in words, with the values sent. */
    String describeCreate(Customer host, P payload);

    /** How {@link #find} searches, in words. */
    String lookup(Customer host, P payload);

    /** The ids of live customers an earlier attempt may have created for this host customer. */
    List<String> find(Customer host, P payload);

    /** Posts the customer; returns its id. */
    String create(P payload);

    /**
     * The live customers that already are this host customer by the platform's host key (X-Series: the
     * customer code), searched when the ledger has no entry for it, so that a lost ledger or a customer
     * imported from Lightspeed is linked instead of created again. One is linked (and recorded in the
     * ledger), several are never guessed between. By default nothing is searched.
     */
    default List<String> linked(Customer host, P payload) {
      return List.of();
    }

    /** The current customers of these ids (missing or deleted ones left out). */
    Map<String, R> read(List<String> ids);

    /** The platform's customer as compared with the host's (values stripped, blanks absent). */
    Customer view(R current);

    /** Sends the {@code changed} fields (names of {@link #differences}) of {@code host}. */
    void update(String id, Customer host, List<String> changed, R current);
  }

  private final Platform<P, R> platform;
  private final Clock clock;
  private final boolean dryRun;
  private final CreateOnce once;

  public CustomerExportFlow(Platform<P, R> platform, SyncSink sink, Clock clock, boolean dryRun) {
    this.platform = platform;
    this.clock = clock;
    this.dryRun = dryRun;
    this.once = new CreateOnce(sink, clock, dryRun, Kind.CUSTOMER_EXPORT, RecordKind.CUSTOMER,
        LedgerKind.CUSTOMER_EXPORT);
  }

  /** Exports {@code customers}; the actions come out in input order. */
  public void run(List<Customer> customers, List<WriteAction> out, List<RecordIssue> issues) {
    List<WriteAction> actions = new ArrayList<>();
    Map<String, Customer> updates = new LinkedHashMap<>();
    for (Customer c : customers) {
      Customer host = clean(c);
      P payload;
      try {
        payload = platform.payload(host);
      } catch (IllegalArgumentException e) {
        issues.add(RecordIssue.of(RecordKind.CUSTOMER, c.id(), ReasonCode.MALFORMED_RECORD, "Host customer " + c.id()
            + " cannot be exported: " + e.getMessage(), "Correct the customer in the host", clock.instant()));
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, c.id(), platform.createVerb(), Status.SKIPPED,
            e.getMessage()));
        continue;
      }
      LedgerClaim claim = once.read(LEDGER_PREFIX + c.id());
      Optional<String> linked = claim.externalId();
      if (linked.isEmpty() && claim.state() == LedgerClaim.State.UNCLAIMED) {
        List<String> found;
        try {
          found = platform.linked(host, payload);
        } catch (LightspeedException e) {
          actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, c.id(), platform.describeCreate(host, payload),
              Status.FAILED, "could not look for the customer in Lightspeed (" + platform.lookup(host, payload) + "): "
                  + ReceiptBooker.describe(e) + "; nothing sent, the next run tries again"));
          continue;
        }
        if (found.size() > 1) {
          issues.add(RecordIssue.of(RecordKind.CUSTOMER, c.id(), ReasonCode.WRITE_NOT_POSSIBLE, "Host customer "
              + c.id() + " matches " + found.size() + " Lightspeed customers " + found + " by "
              + platform.lookup(host, payload) + "; none is taken, nothing is created or updated",
              "Merge or delete the duplicates in Lightspeed so that one remains", clock.instant()));
          actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, c.id(), platform.describeCreate(host, payload),
              Status.SKIPPED, found.size() + " Lightspeed customers match " + platform.lookup(host, payload)));
          continue;
        }
        if (found.size() == 1) {
          once.link(LEDGER_PREFIX + c.id(), found.get(0));
          linked = Optional.of(found.get(0));
        }
      }
      if (linked.isPresent()) {
        updates.put(linked.get(), host);
        continue;
      }
      actions.add(once.create(claim, host.id(), platform.describeCreate(host, payload),
          platform.lookup(host, payload), CreateOnce.Target.of(() -> platform.find(host, payload),
              () -> platform.create(payload)), issues));
    }
    update(updates, actions, issues);
    out.addAll(Reports.inInputOrder(actions, customers.stream().map(Customer::id).toList()));
  }

  /** The host customer with blank values removed and the others stripped, as they are compared and sent. */
  public static Customer clean(Customer c) {
    return Customer.builder().from(c).firstName(present(c.firstName())).lastName(present(c.lastName()))
        .company(present(c.company())).email(present(c.email())).phone(present(c.phone()))
        .street(present(c.street())).city(present(c.city())).postalCode(present(c.postalCode()))
        .region(present(c.region())).country(present(c.country())).build();
  }

  /** The value stripped; empty when blank. */
  public static Optional<String> present(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The fields (names) in which Lightspeed's customer differs from the host's; host-empty ones are not compared. */
  public static List<String> differences(Customer lightspeed, Customer host) {
    Map<String, Function<Customer, Optional<String>>> fields = new LinkedHashMap<>();
    fields.put("firstName", Customer::firstName);
    fields.put("lastName", Customer::lastName);
    fields.put("company", Customer::company);
    fields.put("email", Customer::email);
    fields.put("phone", Customer::phone);
    fields.put("street", Customer::street);
    fields.put("city", Customer::city);
    fields.put("postalCode", Customer::postalCode);
    fields.put("region", Customer::region);
    fields.put("country", Customer::country);
    List<String> out = new ArrayList<>();
    fields.forEach((name, get) -> {
      Optional<String> h = get.apply(host);
      if (h.isPresent() && !h.equals(get.apply(lightspeed))) {
        out.add(name);
      }
    });
    return out;
  }

  /** Whether any of the address fields is among {@code changed}. */
  public static boolean addressChanged(List<String> changed) {
    return changed.stream().anyMatch(List.of("street", "city", "postalCode", "region", "country")::contains);
  }

  private void update(Map<String, Customer> updates, List<WriteAction> actions, List<RecordIssue> issues) {
    if (updates.isEmpty()) {
      return;
    }
    Map<String, R> current;
    try {
      current = platform.read(new ArrayList<>(updates.keySet()));
    } catch (LightspeedException e) {
      updates.forEach((id, c) -> actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, c.id(), platform.updatePath(id),
          Status.FAILED, "could not read the customer: " + ReceiptBooker.describe(e) + "; nothing sent")));
      return;
    }
    for (Map.Entry<String, Customer> e : updates.entrySet()) {
      Customer host = e.getValue();
      String customerId = e.getKey();
      String request = platform.updatePath(customerId) + " ";
      R found = current.get(customerId);
      if (found == null) {
        issues.add(RecordIssue.of(RecordKind.CUSTOMER, host.id(), ReasonCode.WRITE_NOT_POSSIBLE, "Host customer "
            + host.id() + " was exported as Lightspeed customer " + customerId + ", which no longer exists",
            "Check the customer in Lightspeed", clock.instant()));
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, Status.SKIPPED, "customer "
            + customerId + " not found"));
        continue;
      }
      List<String> changed = differences(platform.view(found), host);
      if (changed.isEmpty()) {
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request + "(nothing)", Status.ALREADY_DONE,
            "Lightspeed already holds the host's values").withExternalId(customerId));
        continue;
      }
      request += String.join(", ", changed);
      if (dryRun) {
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, Status.PLANNED, "")
            .withExternalId(customerId));
        continue;
      }
      try {
        platform.update(customerId, host, changed, found);
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, Status.DONE, "")
            .withExternalId(customerId));
      } catch (LightspeedException ex) {
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, ex.requestMayHaveBeenApplied()
            ? Status.PENDING : Status.FAILED, ReceiptBooker.describe(ex) + "; the next run reads the customer again"
            + " and sends only what still differs").withExternalId(customerId));
      }
    }
  }
}
