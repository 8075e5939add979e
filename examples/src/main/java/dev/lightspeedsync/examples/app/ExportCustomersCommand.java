package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.lightspeed.retail.RetailWriter;
import dev.lightspeedsync.sync.lightspeed.xseries.XSeriesWriter;
import dev.lightspeedsync.sync.model.Customer;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code export-customers}: each line is a host customer; the first export creates the R-Series
 * Customer with its Contact, later ones update only the fields that differ ({@code
 * RetailWriter.exportCustomers}: created exactly once through the ledger, an unknown outcome is
 * reconciled by searching before anything is posted again).
 *
 * <p>X-Series ({@code XSeriesWriter.exportCustomers}): the host key travels as {@code customer_code}
 * ({@code code}, else {@code id}); a create with an unknown outcome is reconciled, and a customer
 * already in Lightspeed with that code is linked, by the documented customer-code search. A line
 * without a first or last name, or with a country that is not a two-letter code, is INVALID.
 */
@Command(name = "export-customers", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Exports host customers to R-Series or X-Series customers with their contact data, each created once (seed 002).",
        "Input: one JSON object a line (--in FILE, or - for stdin):",
        "  {\"id\":\"C-1\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"company\":\"Engines Ltd\",\"email\":\"ada@example.com\",",
        "   \"phone\":\"555 0101\",\"street\":\"1 Main Street\",\"city\":\"Springfield\",\"postalCode\":\"12345\",",
        "   \"region\":\"IL\",\"country\":\"US\",\"code\":\"ADA\"}",
        "  id: the host's customer key (required); every other field is optional text; a field left out is kept",
        "  as Lightspeed has it.",
        "X-Series (--platform xseries), the differences: firstName or lastName is required; country is a",
        "  two-letter country code (US, GB); code, else id, is sent as the customer_code, which links a customer",
        "  already in X-Series with that code instead of creating one; externalId is the customer id.",
        "Output: one JSON object a line per customer: {\"line\",\"key\",\"kind\",\"status\",\"request\",\"detail\",\"externalId\"}",
        "  (externalId: the customerID), status as for book-receipts."})
final class ExportCustomersCommand extends WriteFlowCommand {
  static final List<String> FIELDS = List.of("id", "firstName", "lastName", "company", "email", "phone", "street", "city",
      "postalCode", "region", "country", "code");

  ExportCustomersCommand(PrintStream out, PrintStream err) {
    super(out, err, List.of("retail", "xseries"), FIELDS, 1);
  }

  private static Customer customer(Line l) {
    Customer.Builder b = Customer.builder().id(text(l, "id"));
    for (String f : FIELDS.subList(1, FIELDS.size())) {
      if (l.json().has(f) && !l.json().get(f).isNull() && !l.json().get(f).isTextual()) {
        throw new IllegalArgumentException("'" + f + "' must be text");
      }
    }
    opt(l, "firstName").ifPresent(b::firstName);
    opt(l, "lastName").ifPresent(b::lastName);
    opt(l, "company").ifPresent(b::company);
    opt(l, "email").ifPresent(b::email);
    opt(l, "phone").ifPresent(b::phone);
    opt(l, "street").ifPresent(b::street);
    opt(l, "city").ifPresent(b::city);
    opt(l, "postalCode").ifPresent(b::postalCode);
    opt(l, "region").ifPresent(b::region);
    opt(l, "country").ifPresent(b::country);
    opt(l, "code").ifPresent(b::code);
    return b.build();
  }

  private static java.util.Optional<String> opt(Line l, String field) {
    return java.util.Optional.ofNullable(text(l, field)).filter(v -> !v.isBlank());
  }

  @Override
  void validate(Line line) {
    Customer c = customer(line);
    if (!platform().equals("xseries")) {
      return;
    }
    if (c.firstName().isEmpty() && c.lastName().isEmpty()) {
      throw new IllegalArgumentException("an X-Series customer needs 'firstName' or 'lastName'");
    }
    c.country().filter(v -> !v.matches("[A-Za-z]{2}")).ifPresent(v -> {
      throw new IllegalArgumentException("'country' must be a two-letter country code on X-Series (as in US or GB)");
    });
  }

  @Override
  String keyOf(Line line) {
    return text(line, "id");
  }

  @Override
  WriteReport write(Target target, List<Line> lines) {
    List<Customer> customers = lines.stream().map(ExportCustomersCommand::customer).toList();
    SyncSettings settings = SyncSettings.builder().readOnly(readOnly()).build();
    if (platform().equals("xseries")) {
      return XSeriesWriter.builder().client(target.xseries()).sink(target.sink).settings(settings).dryRun(dryRun)
          .exportCustomers(true).build().exportCustomers(customers);
    }
    return RetailWriter.builder().client(target.retail()).sink(target.sink).settings(settings).dryRun(dryRun)
        .exportCustomers(true).build().exportCustomers(customers);
  }
}
