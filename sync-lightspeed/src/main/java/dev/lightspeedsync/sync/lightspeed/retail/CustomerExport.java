package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.client.error.LightspeedException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.model.ContactAddress;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import dev.lightspeedsync.client.retail.query.Archived;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.client.retail.write.CustomerUpdate;
import dev.lightspeedsync.client.retail.write.NewCustomer;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.internal.ReceiptBooker;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Kind;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.LedgerEntry;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customer export (seed 002, "Export customers to Lightspeed"): host customers become R-Series
 * Customers with their Contact; see {@link RetailWriter#exportCustomers}.
 */
final class CustomerExport {
  static final String LEDGER_PREFIX = "customer:";

  private final RetailClient client;
  private final SyncSink sink;
  private final Clock clock;
  private final boolean dryRun;
  private final CreateOnce once;

  CustomerExport(RetailClient client, SyncSink sink, Clock clock, boolean dryRun) {
    this.client = client;
    this.sink = sink;
    this.clock = clock;
    this.dryRun = dryRun;
    this.once = new CreateOnce(sink, clock, dryRun, Kind.CUSTOMER_EXPORT, RecordKind.CUSTOMER, LedgerKind.CUSTOMER_EXPORT);
  }

  void run(List<Customer> customers, List<WriteAction> out, List<RecordIssue> issues) {
    List<WriteAction> actions = new ArrayList<>();
    Map<Long, Customer> updates = new LinkedHashMap<>();
    for (Customer c : customers) {
      Customer host = clean(c);
      NewCustomer created;
      try {
        created = newCustomer(host);
      } catch (IllegalArgumentException e) {
        issues.add(RecordIssue.of(RecordKind.CUSTOMER, c.id(), ReasonCode.MALFORMED_RECORD, "Host customer " + c.id()
            + " cannot be exported: " + e.getMessage(), "Correct the customer in the host", clock.instant()));
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, c.id(), "POST Customer.json", Status.SKIPPED,
            e.getMessage()));
        continue;
      }
      String ledgerKey = LEDGER_PREFIX + c.id();
      Optional<LedgerEntry> claim = sink.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, ledgerKey);
      Optional<Long> linked = claim.flatMap(LedgerEntry::externalId).map(Long::valueOf);
      if (linked.isPresent()) {
        updates.put(linked.get(), host);
        continue;
      }
      actions.add(create(host, created, ledgerKey, claim, issues));
    }
    update(updates, actions, issues);
    out.addAll(Reports.inInputOrder(actions, customers.stream().map(x -> x.id()).toList()));
  }

  /** The host customer with blank values removed and the others stripped, as they are compared and sent. */
  private static Customer clean(Customer c) {
    return Customer.builder().from(c).firstName(present(c.firstName())).lastName(present(c.lastName()))
        .company(present(c.company())).email(present(c.email())).phone(present(c.phone()))
        .street(present(c.street())).city(present(c.city())).postalCode(present(c.postalCode()))
        .region(present(c.region())).country(present(c.country())).build();
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  private static NewCustomer newCustomer(Customer c) {
    NewCustomer.Builder b = NewCustomer.builder().firstName(c.firstName()).lastName(c.lastName())
        .company(c.company());
    c.email().ifPresent(e -> b.addEmails(ContactEmail.of(e, "Primary")));
    c.phone().ifPresent(p -> b.addPhones(ContactPhone.of(p, "Home")));
    address(c).ifPresent(b::addAddresses);
    return b.build();
  }

  /** The host's address as a ContactAddress: a two-letter country is a country code. */
  private static Optional<ContactAddress> address(Customer c) {
    if (c.street().isEmpty() && c.city().isEmpty() && c.postalCode().isEmpty() && c.region().isEmpty()
        && c.country().isEmpty()) {
      return Optional.empty();
    }
    ContactAddress.Builder a = ContactAddress.builder().address1(c.street()).city(c.city()).zip(c.postalCode())
        .state(c.region());
    c.country().ifPresent(country -> {
      if (country.length() == 2) {
        a.countryCode(country);
      } else {
        a.country(country);
      }
    });
    return Optional.of(a.build());
  }

  private WriteAction create(Customer host, NewCustomer customer, String ledgerKey, Optional<LedgerEntry> claim,
      List<RecordIssue> issues) {
    String request = "POST Customer.json '" + host.displayName() + "'" + host.email().map(e -> " email " + e)
        .orElse("") + host.phone().map(p -> " phone " + p).orElse("") + (customer.addresses().isEmpty() ? ""
        : " with address");
    // Reconciliation after an unknown outcome: the documented relation search Contact.email when the host
    // has an e-mail address, else the name fields; a candidate must hold every value the POST sent.
    String lookup = host.email().map(e -> "Contact.email '" + e + "'").orElse("the customer's name");
    return once.create(ledgerKey, host.id(), request, lookup, claim, new CreateOnce.Target() {
      @Override
      public List<Long> find() {
        RetailQuery.Builder q = RetailQuery.builder().archived(Archived.INCLUDE).loadRelations("Contact");
        if (host.email().isPresent()) {
          q.filter(Filter.equalTo("Contact.email", host.email().get()));
        } else {
          host.lastName().ifPresent(v -> q.filter(Filter.equalTo("lastName", v)));
          host.firstName().ifPresent(v -> q.filter(Filter.equalTo("firstName", v)));
          if (host.firstName().isEmpty() && host.lastName().isEmpty()) {
            q.filter(Filter.equalTo("company", host.company().orElseThrow()));
          }
        }
        return client.customers().list(q.build()).stream()
            .filter(found -> differences(lightspeed(found), host).isEmpty())
            .map(found -> found.id()).collect(Collectors.toList());
      }

      @Override
      public long create() {
        return client.createCustomer(customer).id();
      }
    }, issues);
  }

  /**
   * Lightspeed's customer as compared with the host's. Not {@code RetailMapping.toCustomer}: that one
   * loses {@code state} and {@code country} when Lightspeed sends {@code stateCode}/{@code countryCode}
   * as {@code ""} (blank is taken as present), so an exported region would look changed on every run.
   */
  private static Customer lightspeed(dev.lightspeedsync.client.retail.model.Customer c) {
    Customer.Builder b = Customer.builder().id(Long.toString(c.id())).firstName(present(c.firstName()))
        .lastName(present(c.lastName())).company(present(c.company()));
    c.contact().ifPresent(k -> {
      k.emails().stream().findFirst().ifPresent(e -> b.email(present(Optional.of(e.address()))));
      k.phones().stream().findFirst().ifPresent(p -> b.phone(present(Optional.of(p.number()))));
      k.addresses().stream().findFirst().ifPresent(a -> b.street(present(Optional.of((a.address1().orElse("")
          + " " + a.address2().orElse("")).strip()))).city(present(a.city())).postalCode(present(a.zip()))
          .region(present(a.stateCode()).or(() -> present(a.state())))
          .country(present(a.countryCode()).or(() -> present(a.country()))));
    });
    return b.build();
  }

  /** The fields (names) in which Lightspeed's customer differs from the host's; host-empty ones are not compared. */
  private static List<String> differences(Customer lightspeed, Customer host) {
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

  private void update(Map<Long, Customer> updates, List<WriteAction> actions, List<RecordIssue> issues) {
    if (updates.isEmpty()) {
      return;
    }
    Map<Long, dev.lightspeedsync.client.retail.model.Customer> current = new HashMap<>();
    List<Long> ids = new ArrayList<>(updates.keySet());
    try {
      for (int from = 0; from < ids.size(); from += 100) {
        RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE).loadRelations("Contact")
            .filter(Filter.in("customerID", ids.subList(from, Math.min(ids.size(), from + 100)))).build();
        client.customers().list(q).stream().forEach(c -> current.put(c.id(), c));
      }
    } catch (LightspeedException e) {
      updates.forEach((id, c) -> actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, c.id(), "PUT Customer/" + id
          + ".json", Status.FAILED, "could not read the customer: " + ReceiptBooker.describe(e) + "; nothing sent")));
      return;
    }
    for (Map.Entry<Long, Customer> e : updates.entrySet()) {
      Customer host = e.getValue();
      String customerId = Long.toString(e.getKey());
      String request = "PUT Customer/" + customerId + ".json ";
      var found = current.get(e.getKey());
      if (found == null) {
        issues.add(RecordIssue.of(RecordKind.CUSTOMER, host.id(), ReasonCode.WRITE_NOT_POSSIBLE, "Host customer "
            + host.id() + " was exported as Lightspeed customer " + customerId + ", which no longer exists",
            "Check the customer in Lightspeed", clock.instant()));
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, Status.SKIPPED, "customer "
            + customerId + " not found"));
        continue;
      }
      List<String> changed = differences(lightspeed(found), host);
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
        client.updateCustomer(e.getKey(), customerUpdate(host, changed, found));
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, Status.DONE, "")
            .withExternalId(customerId));
      } catch (LightspeedException ex) {
        actions.add(WriteAction.of(Kind.CUSTOMER_EXPORT, host.id(), request, ex.requestMayHaveBeenApplied()
            ? Status.PENDING : Status.FAILED, ReceiptBooker.describe(ex) + "; the next run reads the customer again"
            + " and sends only what still differs").withExternalId(customerId));
      }
    }
  }

  /**
   * Only the changed parts. A changed e-mail replaces the primary address and keeps a secondary one; a
   * changed phone replaces the first number; a changed address replaces the first address.
   */
  private static CustomerUpdate customerUpdate(Customer host, List<String> changed,
      dev.lightspeedsync.client.retail.model.Customer current) {
    CustomerUpdate.Builder u = CustomerUpdate.builder();
    if (changed.contains("firstName")) {
      u.firstName(host.firstName().orElseThrow());
    }
    if (changed.contains("lastName")) {
      u.lastName(host.lastName().orElseThrow());
    }
    if (changed.contains("company")) {
      u.company(host.company().orElseThrow());
    }
    var contact = current.contact();
    if (changed.contains("email")) {
      u.addEmails(ContactEmail.of(host.email().orElseThrow(), "Primary"));
      contact.ifPresent(k -> k.emails().stream().skip(1).filter(x -> "Secondary".equals(x.useType().orElse(null)))
          .forEach(u::addEmails));
    }
    if (changed.contains("phone")) {
      String useType = contact.flatMap(k -> k.phones().stream().findFirst()).flatMap(ContactPhone::useType)
          .orElse("Home");
      u.addPhones(ContactPhone.of(host.phone().orElseThrow(), useType));
      contact.ifPresent(k -> k.phones().stream().skip(1).filter(x -> !useType.equals(x.useType().orElse(null)))
          .forEach(u::addPhones));
    }
    if (changed.stream().anyMatch(List.of("street", "city", "postalCode", "region", "country")::contains)) {
      Customer ls = lightspeed(current);
      Customer address = Customer.builder().id(host.id()).street(host.street().or(ls::street))
          .city(host.city().or(ls::city)).postalCode(host.postalCode().or(ls::postalCode))
          .region(host.region().or(ls::region)).country(host.country().or(ls::country)).build();
      address(address).ifPresent(u::addAddresses);
      contact.ifPresent(k -> k.addresses().stream().skip(1).forEach(u::addAddresses));
    }
    return u.build();
  }
}
