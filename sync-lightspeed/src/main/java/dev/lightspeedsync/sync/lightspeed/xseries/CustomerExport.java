package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.client.xseries.write.CustomerDetails;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.internal.CustomerExportFlow;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.spi.SyncSink;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Customer export to X-Series (seed 002, "Export customers to Lightspeed"); see
 * {@link XSeriesWriter#exportCustomers}. The flow is {@link CustomerExportFlow}, shared with R-Series.
 * The host key travels as the customer's {@code customer_code} ({@link Customer#code()}, else the host
 * id), which the documented search finds exactly ({@code GET /search?type=customers&customer_code=}):
 * that is how a create with an unknown outcome is reconciled, and how a customer is linked when the
 * ledger has no entry for it.
 */
final class CustomerExport implements CustomerExportFlow.Platform<CustomerDetails,
    dev.lightspeedsync.client.xseries.model.Customer> {
  private final XSeriesClient client;
  private final CustomerExportFlow<CustomerDetails, dev.lightspeedsync.client.xseries.model.Customer> flow;

  CustomerExport(XSeriesClient client, SyncSink sink, Clock clock, boolean dryRun) {
    this.client = client;
    this.flow = new CustomerExportFlow<>(this, sink, clock, dryRun);
  }

  void run(List<Customer> customers, List<WriteAction> out, List<RecordIssue> issues) {
    flow.run(customers, out, issues);
  }

  /** The customer code a host customer is exported under: its code, else its id. */
  static String code(Customer host) {
    return CustomerExportFlow.present(host.code()).orElse(host.id());
  }

  @Override
  public String createVerb() {
    return "POST customers";
  }

  @Override
  public String updatePath(String id) {
    return "PUT customers/" + id;
  }

  @Override
  public CustomerDetails payload(Customer host) {
    if (host.firstName().isEmpty() && host.lastName().isEmpty()) {
      throw new IllegalArgumentException("an X-Series customer needs a first or a last name");
    }
    CustomerDetails.Builder b = CustomerDetails.builder().customerCode(code(host)).firstName(host.firstName())
        .lastName(host.lastName()).companyName(host.company()).email(host.email()).phone(host.phone())
        .physicalAddress1(host.street()).physicalCity(host.city()).physicalPostcode(host.postalCode())
        .physicalState(host.region());
    host.country().ifPresent(c -> {
      if (c.length() != 2) {
        throw new IllegalArgumentException("its country must be a two-letter country code (physical_country_id) but"
            + " was '" + c + "'");
      }
      b.physicalCountryId(c);
    });
    return b.build();
  }

  @Override
  public String describeCreate(Customer host, CustomerDetails d) {
    return "POST customers customer_code=" + d.customerCode().orElse("") + " '" + host.displayName() + "'"
        + host.email().map(e -> " email " + e).orElse("") + host.phone().map(p -> " phone " + p).orElse("")
        + (host.street().isPresent() || host.city().isPresent() || host.postalCode().isPresent()
            ? " with address" : "");
  }

  @Override
  public String lookup(Customer host, CustomerDetails d) {
    return "customer_code '" + d.customerCode().orElse("") + "'";
  }

  @Override
  public List<String> find(Customer host, CustomerDetails d) {
    String code = d.customerCode().orElseThrow();
    return client.findCustomersByCode(code).stream()
        .filter(c -> !c.deleted() && code.equals(c.customerCode().orElse(null)))
        .map(dev.lightspeedsync.client.xseries.model.Customer::id).collect(Collectors.toList());
  }

  /** A customer with the host's code already in Lightspeed (imported from it, or a lost ledger): linked. */
  @Override
  public List<String> linked(Customer host, CustomerDetails d) {
    return find(host, d);
  }

  @Override
  public String create(CustomerDetails d) {
    return client.createCustomer(d).id();
  }

  /** One {@code GET /customers/{id}} per customer; deleted ones count as missing. */
  @Override
  public Map<String, dev.lightspeedsync.client.xseries.model.Customer> read(List<String> ids) {
    return LiveRecords.byId(ids, client.customers()::get, dev.lightspeedsync.client.xseries.model.Customer::deleted);
  }

  @Override
  public Customer view(dev.lightspeedsync.client.xseries.model.Customer c) {
    return CustomerExportFlow.clean(XSeriesMapping.toCustomer(c));
  }

  /**
   * Only the changed fields. A changed address sends all of the host's address fields, so that a street
   * and a city are never mixed from two addresses; {@code physical_address_2} is cleared then, as the
   * host's street is one line.
   */
  @Override
  public void update(String id, Customer host, List<String> changed,
      dev.lightspeedsync.client.xseries.model.Customer current) {
    CustomerDetails.Builder u = CustomerDetails.builder();
    if (changed.contains("firstName")) {
      u.firstName(host.firstName());
    }
    if (changed.contains("lastName")) {
      u.lastName(host.lastName());
    }
    if (changed.contains("company")) {
      u.companyName(host.company());
    }
    if (changed.contains("email")) {
      u.email(host.email());
    }
    if (changed.contains("phone")) {
      u.phone(host.phone());
    }
    if (CustomerExportFlow.addressChanged(changed)) {
      host.street().ifPresent(s -> u.physicalAddress1(s).physicalAddress2(""));
      u.physicalCity(host.city()).physicalPostcode(host.postalCode()).physicalState(host.region())
          .physicalCountryId(host.country());
    }
    client.updateCustomer(id, u.build());
  }
}
