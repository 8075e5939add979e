package dev.lightspeedsync.sync.lightspeed.xseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.xseries.XSeriesClient;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.CrashingSink;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.TestkitRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Customer export to X-Series (issue 14, seed 002 "Export customers to Lightspeed"): created once under
 * the host key (its customer code), updated with what differs, never duplicated by a rerun, a
 * write-then-500, a restart between the write and the ledger or a lost ledger; dry run and read-only.
 */
class XSeriesCustomerExportTest {
  static final String KEY = "customer:ERP-C1";
  static final Customer ADA = Customer.builder().id("ERP-C1").firstName("Ada").lastName("Lovelace")
      .email("ada@example.com").phone("+44 20 1234").street("12 St James's Square").city("London")
      .postalCode("SW1Y 4JH").country("GB").build();

  final ManualTimeSource time = new ManualTimeSource();
  final InMemorySyncSink sink = new InMemorySyncSink();
  LightspeedTestServer server;
  XSeriesClient client;

  @BeforeEach
  void start() {
    server = XSeriesWriterRetailer.start(time);
    client = XSeriesWriterRetailer.client(server, time);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private XSeriesWriter writer(SyncSink to, SyncSettings settings, boolean dryRun, boolean on) {
    return XSeriesWriter.builder().client(client).sink(to).settings(settings).clock(time.asClock()).dryRun(dryRun)
        .exportCustomers(on).build();
  }

  private WriteReport export(SyncSink to, Customer... customers) {
    return writer(to, SyncSettings.defaults(), false, true).exportCustomers(List.of(customers));
  }

  private List<TestkitRecord> withCode(String code) {
    return server.xseries().stream("customers").filter(c -> c.get("customer_code").orElse("").equals(code)
        && c.get("deleted_at").isEmpty()).toList();
  }

  private long writes() {
    return XSeriesWriterRetailer.writes(server);
  }

  private static WriteAction only(WriteReport report, Status status) {
    return XSeriesWriterRetailer.only(report, status);
  }

  @Test
  @DisplayName("a host customer is created once with its host key as customer code, names, contact and address")
  void createsTheCustomerUnderItsHostKey() {
    WriteAction a = only(export(sink, ADA), Status.DONE);

    assertThat(a.kind()).isEqualTo(WriteAction.Kind.CUSTOMER_EXPORT);
    assertThat(withCode("ERP-C1")).singleElement().satisfies(c -> {
      assertThat(a.externalId()).contains(c.key());
      assertThat(c.require("first_name")).isEqualTo("Ada");
      assertThat(c.require("last_name")).isEqualTo("Lovelace");
      assertThat(c.require("email")).isEqualTo("ada@example.com");
      assertThat(c.require("physical_city")).isEqualTo("London");
      assertThat(c.require("physical_country_id")).isEqualTo("GB");
    });
    assertThat(sink.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, KEY)).hasValueSatisfying(e ->
        assertThat(e.externalId()).isEqualTo(a.externalId()));
  }

  @Test
  @DisplayName("a rerun sends nothing; a changed e-mail and city are the only fields updated")
  void rerunNeverDuplicatesAndUpdatesOnlyWhatDiffers() {
    String id = only(export(sink, ADA), Status.DONE).externalId().orElseThrow();
    long after = writes();

    assertThat(only(export(sink, ADA), Status.ALREADY_DONE).request()).contains("(nothing)");
    assertThat(writes()).isEqualTo(after);

    Customer moved = Customer.builder().from(ADA).email("ada@analytical.example").city("Marylebone").build();
    WriteAction a = only(export(sink, moved), Status.DONE);

    assertThat(a.request()).isEqualTo("PUT customers/" + id + " email, city");
    TestkitRecord c = server.xseries().get("customers", id).orElseThrow();
    assertThat(c.require("email")).isEqualTo("ada@analytical.example");
    assertThat(c.require("physical_city")).isEqualTo("Marylebone");
    assertThat(c.require("physical_address_1")).isEqualTo("12 St James's Square");
    assertThat(withCode("ERP-C1")).hasSize(1);
  }

  @Test
  @DisplayName("create applied then 500: the customer is found by its customer code and confirmed, not posted again")
  void createAppliedThen500IsRecovered() {
    server.injectNext(Fault.APPLY_THEN_500, "POST /api/2.0/customers");

    WriteAction a = only(export(sink, ADA), Status.RECOVERED);

    assertThat(server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(a.detail()).contains("customer_code 'ERP-C1'");
    assertThat(withCode("ERP-C1")).singleElement().satisfies(c -> assertThat(a.externalId()).contains(c.key()));
    assertThat(only(export(sink, ADA), Status.ALREADY_DONE)).isNotNull();
    assertThat(withCode("ERP-C1")).hasSize(1);
  }

  @Test
  @DisplayName("a restart between the POST and the ledger's confirmation finds the customer and posts nothing more")
  void restartBetweenWriteAndLedger() {
    CrashingSink dying = CrashingSink.beforeConfirming(sink, KEY::equals);

    assertThatThrownBy(() -> export(dying, ADA)).isInstanceOf(CrashingSink.Crash.class);
    assertThat(withCode("ERP-C1")).hasSize(1);
    assertThat(sink.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, KEY)).hasValueSatisfying(e ->
        assertThat(e.confirmed()).isFalse());
    long before = writes();

    only(export(sink, ADA), Status.RECOVERED);

    assertThat(writes()).as("nothing posted again").isEqualTo(before);
    assertThat(withCode("ERP-C1")).hasSize(1);
  }

  @Test
  @DisplayName("with the ledger lost, the customer is linked by its customer code instead of created again")
  void aLostLedgerLinksByCustomerCode() {
    String id = only(export(sink, ADA), Status.DONE).externalId().orElseThrow();
    InMemorySyncSink fresh = new InMemorySyncSink();

    WriteAction a = only(export(fresh, ADA), Status.ALREADY_DONE);

    assertThat(a.externalId()).contains(id);
    assertThat(withCode("ERP-C1")).hasSize(1);
    assertThat(fresh.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, KEY)).hasValueSatisfying(e ->
        assertThat(e.externalId()).contains(id));
  }

  @Test
  @DisplayName("a dry run lists the POST it would send, sends nothing and leaves the ledger alone")
  void dryRunPlansOnly() {
    long before = writes();

    WriteReport plan = writer(sink, SyncSettings.defaults(), true, true).exportCustomers(List.of(ADA));

    assertThat(plan.dryRun()).isTrue();
    assertThat(only(plan, Status.PLANNED).request()).contains("POST customers customer_code=ERP-C1", "Ada Lovelace");
    assertThat(writes()).isEqualTo(before);
    assertThat(withCode("ERP-C1")).isEmpty();
    assertThat(sink.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, KEY)).isEmpty();
  }

  @Test
  @DisplayName("off by default and refused in read-only mode: nothing is sent")
  void offByDefaultAndRefusedInReadOnlyMode() {
    long before = writes();

    WriteReport off = writer(sink, SyncSettings.defaults(), false, false).exportCustomers(List.of(ADA));
    WriteReport readOnly = writer(sink, SyncSettings.builder().readOnly(true).build(), false, true)
        .exportCustomers(List.of(ADA));

    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(off.actions()).isEmpty();
    assertThat(readOnly.actions()).isEmpty();
    assertThat(writes()).isEqualTo(before);
    assertThat(withCode("ERP-C1")).isEmpty();
  }

  @Test
  @DisplayName("a customer without a name or with a country that is not a code is skipped and logged")
  void invalidCustomersAreSkippedAndLogged() {
    Customer company = Customer.builder().id("ERP-C2").company("Acme").build();
    Customer country = Customer.builder().from(ADA).id("ERP-C3").country("United Kingdom").build();

    WriteReport report = export(sink, company, country);

    assertThat(report.actions()).extracting(WriteAction::status).containsOnly(Status.SKIPPED);
    assertThat(report.issues()).extracting(i -> i.reason()).containsOnly(ReasonCode.MALFORMED_RECORD);
    assertThat(withCode("ERP-C2")).isEmpty();
    assertThat(withCode("ERP-C3")).isEmpty();
  }
}
