package dev.lightspeedsync.sync.lightspeed.retail;

import static dev.lightspeedsync.sync.lightspeed.internal.CustomerExportFlow.present;

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
import dev.lightspeedsync.sync.lightspeed.internal.CustomerExportFlow;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Customer export (seed 002, "Export customers to Lightspeed"): host customers become R-Series
 * Customers with their Contact; see {@link RetailWriter#exportCustomers}. The flow (ledger, update of
 * what differs, exactly-once create) is {@link CustomerExportFlow}, shared with X-Series.
 */
final class CustomerExport implements CustomerExportFlow.Platform<NewCustomer,
    dev.lightspeedsync.client.retail.model.Customer> {
  static final String LEDGER_PREFIX = CustomerExportFlow.LEDGER_PREFIX;

  private final RetailClient client;
  private final CustomerExportFlow<NewCustomer, dev.lightspeedsync.client.retail.model.Customer> flow;

  CustomerExport(RetailClient client, SyncSink sink, Clock clock, boolean dryRun) {
    this.client = client;
    this.flow = new CustomerExportFlow<>(this, sink, clock, dryRun);
  }

  void run(List<Customer> customers, List<WriteAction> out, List<RecordIssue> issues) {
    flow.run(customers, out, issues);
  }

  @Override
  public String createVerb() {
    return "POST Customer.json";
  }

  @Override
  public String updatePath(String id) {
    return "PUT Customer/" + id + ".json";
  }

  @Override
  public NewCustomer payload(Customer host) {
    return newCustomer(host);
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

  @Override
  public String describeCreate(Customer host, NewCustomer customer) {
    return "POST Customer.json '" + host.displayName() + "'" + host.email().map(e -> " email " + e)
        .orElse("") + host.phone().map(p -> " phone " + p).orElse("") + (customer.addresses().isEmpty() ? ""
        : " with address");
  }

  // Reconciliation after an unknown outcome: the documented relation search Contact.email when the host
  // has an e-mail address, else the name fields; a candidate must hold every value the POST sent.
  @Override
  public String lookup(Customer host, NewCustomer customer) {
    return host.email().map(e -> "Contact.email '" + e + "'").orElse("the customer's name");
  }

  @Override
  public List<String> find(Customer host, NewCustomer customer) {
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
        .filter(found -> CustomerExportFlow.differences(view(found), host).isEmpty())
        .map(found -> Long.toString(found.id())).collect(Collectors.toList());
  }

  @Override
  public String create(NewCustomer customer) {
    return Long.toString(client.createCustomer(customer).id());
  }

  /**
   * Lightspeed's customer as compared with the host's. Not {@code RetailMapping.toCustomer}: that one
   * loses {@code state} and {@code country} when Lightspeed sends {@code stateCode}/{@code countryCode}
   * as {@code ""} (blank is taken as present), so an exported region would look changed on every run.
   */
  @Override
  public Customer view(dev.lightspeedsync.client.retail.model.Customer c) {
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

  @Override
  public Map<String, dev.lightspeedsync.client.retail.model.Customer> read(List<String> idList) {
    Map<String, dev.lightspeedsync.client.retail.model.Customer> current = new HashMap<>();
    List<Long> ids = idList.stream().map(Long::valueOf).toList();
    for (int from = 0; from < ids.size(); from += 100) {
      RetailQuery q = RetailQuery.builder().archived(Archived.INCLUDE).loadRelations("Contact")
          .filter(Filter.in("customerID", ids.subList(from, Math.min(ids.size(), from + 100)))).build();
      client.customers().list(q).stream().forEach(c -> current.put(Long.toString(c.id()), c));
    }
    return current;
  }

  @Override
  public void update(String id, Customer host, List<String> changed,
      dev.lightspeedsync.client.retail.model.Customer current) {
    client.updateCustomer(Long.parseLong(id), customerUpdate(host, changed, current));
  }

  /**
   * Only the changed parts. A changed e-mail replaces the primary address and keeps a secondary one; a
   * changed phone replaces the first number; a changed address replaces the first address.
   */
  private CustomerUpdate customerUpdate(Customer host, List<String> changed,
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
    if (CustomerExportFlow.addressChanged(changed)) {
      Customer ls = view(current);
      Customer address = Customer.builder().id(host.id()).street(host.street().or(ls::street))
          .city(host.city().or(ls::city)).postalCode(host.postalCode().or(ls::postalCode))
          .region(host.region().or(ls::region)).country(host.country().or(ls::country)).build();
      address(address).ifPresent(u::addAddresses);
      contact.ifPresent(k -> k.addresses().stream().skip(1).forEach(u::addAddresses));
    }
    return u.build();
  }
}
