package dev.lightspeedsync.sync.lightspeed.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.retail.model.ContactAddress;
import dev.lightspeedsync.client.retail.write.NewCustomer;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.WriteAction;
import dev.lightspeedsync.sync.lightspeed.WriteAction.Status;
import dev.lightspeedsync.sync.lightspeed.WriteReport;
import dev.lightspeedsync.sync.model.Customer;
import dev.lightspeedsync.sync.model.Exclusion;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordKind;
import dev.lightspeedsync.sync.spi.LedgerKind;
import dev.lightspeedsync.sync.spi.SyncSink;
import dev.lightspeedsync.sync.testing.InMemorySyncSink;
import dev.lightspeedsync.testkit.Fault;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer export to R-Series Customers with Contact against the testkit, through the public writer. */
class CustomerExportTest {
  WriterFixture fx;
  InMemorySyncSink sink;

  @BeforeEach
  void start() {
    fx = new WriterFixture();
    sink = new InMemorySyncSink();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  static Customer ada(String email) {
    Customer.Builder b = Customer.builder().id("C-1").firstName("Ada").lastName("Lovelace").company("Engines Ltd")
        .phone("555 0101").street("1 Main Street").city("Springfield").postalCode("12345").region("IL")
        .country("US");
    if (email != null) {
      b.email(email);
    }
    return b.build();
  }

  RetailWriter writer(SyncSink s) {
    return RetailWriter.builder().client(fx.client).sink(s).settings(SyncSettings.defaults()).clock(fx.clock)
        .exportCustomers(true).build();
  }

  List<dev.lightspeedsync.client.retail.model.Customer> named(String lastName) {
    return fx.client.customers().list(dev.lightspeedsync.client.retail.query.RetailQuery.builder()
            .loadRelations("Contact").build()).stream()
        .filter(c -> lastName.equals(c.lastName().orElse(null))).toList();
  }

  long posts() {
    return fx.server.inspect().requests("POST Customer.json");
  }

  long puts() {
    return fx.server.inspect().requests("PUT Customer/{id}.json");
  }

  @Test
  void aHostCustomerIsCreatedWithItsContactAndARerunNeverDuplicates() {
    WriteReport first = writer(sink).exportCustomers(List.of(ada("ada@example.com")));
    WriteReport rerun = writer(sink.reopen()).exportCustomers(List.of(ada("ada@example.com")));

    assertThat(named("Lovelace")).singleElement().satisfies(c -> {
      assertThat(c.firstName()).contains("Ada");
      assertThat(c.company()).contains("Engines Ltd");
      Customer mapped = RetailMapping.toCustomer(c);
      assertThat(mapped.email()).contains("ada@example.com");
      assertThat(mapped.phone()).contains("555 0101");
      assertThat(mapped.street()).contains("1 Main Street");
      assertThat(mapped.city()).contains("Springfield");
      assertThat(mapped.postalCode()).contains("12345");
      assertThat(mapped.country()).contains("US");
      assertThat(c.contact().orElseThrow().addresses().get(0).state()).contains("IL");
    });
    String id = Long.toString(named("Lovelace").get(0).id());
    assertThat(first.actions()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(WriteAction.Kind.CUSTOMER_EXPORT);
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.externalId()).contains(id);
    });
    assertThat(sink.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, "customer:C-1").flatMap(e -> e.externalId())).contains(id);
    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.ALREADY_DONE));
    assertThat(posts()).isEqualTo(1);
    assertThat(puts()).isZero();
  }

  @Test
  void aChangedHostCustomerUpdatesOnlyWhatChanged() {
    writer(sink).exportCustomers(List.of(ada("ada@example.com")));

    Customer moved = Customer.builder().from(ada("ada@lovelace.org")).city("Shelbyville").build();
    WriteReport update = writer(sink.reopen()).exportCustomers(List.of(moved));

    assertThat(update.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.DONE);
      assertThat(a.request()).endsWith(".json email, city");
    });
    Customer after = RetailMapping.toCustomer(named("Lovelace").get(0));
    assertThat(after.email()).contains("ada@lovelace.org");
    assertThat(after.city()).contains("Shelbyville");
    assertThat(after.street()).contains("1 Main Street");
    assertThat(after.phone()).contains("555 0101");
    assertThat(posts()).isEqualTo(1);
    assertThat(puts()).isEqualTo(1);
  }

  @Test
  void customerAppliedThenAnswered500IsFoundByContactEmailAndCreatedOnce() {
    fx.server.injectNext(Fault.APPLY_THEN_500, fx.path("POST", "Customer"));

    WriteReport report = writer(sink).exportCustomers(List.of(ada("ada@example.com")));
    WriteReport rerun = writer(sink.reopen()).exportCustomers(List.of(ada("ada@example.com")));

    assertThat(fx.server.inspect().faults(Fault.APPLY_THEN_500)).isEqualTo(1);
    assertThat(report.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.RECOVERED);
      assertThat(a.detail()).contains("Contact.email 'ada@example.com'");
    });
    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.ALREADY_DONE));
    assertThat(named("Lovelace")).hasSize(1);
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void restartBetweenThePostAndTheLedgerConfirmCreatesTheCustomerOnceEvenWithoutAnEmail() {
    SyncSink dying = WriterFixture.killing(sink, (method, key) -> method.equals("confirmInLedger")
        && key.equals("customer:C-1"), false);
    assertThatThrownBy(() -> writer(dying).exportCustomers(List.of(ada(null))))
        .isInstanceOf(WriterFixture.Killed.class);
    assertThat(named("Lovelace")).hasSize(1);

    WriteReport rerun = writer(sink.reopen()).exportCustomers(List.of(ada(null)));

    assertThat(rerun.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.RECOVERED);
      assertThat(a.detail()).contains("the customer's name");
    });
    assertThat(named("Lovelace")).hasSize(1);
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aDroppedConnectionIsSettledOnTheRerunWithOneCustomer() {
    fx.server.injectNext(Fault.DROP_CONNECTION, fx.path("POST", "Customer"));

    WriteReport report = writer(sink).exportCustomers(List.of(ada("ada@example.com")));
    WriteReport rerun = writer(sink.reopen()).exportCustomers(List.of(ada("ada@example.com")));

    assertThat(report.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.PENDING));
    assertThat(rerun.actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(Status.DONE));
    assertThat(named("Lovelace")).hasSize(1);
  }

  @Test
  void twoCandidatesAfterAnUnknownOutcomeAreNotGuessedBetween() {
    for (int i = 0; i < 2; i++) {
      fx.client.createCustomer(NewCustomer.builder().firstName("Ada").lastName("Lovelace").company("Engines Ltd")
          .addEmails(ContactEmail.of("ada@example.com", "Primary")).addAddresses(ContactAddress.builder()
              .address1("1 Main Street").city("Springfield").zip("12345").state("IL").countryCode("US").build())
          .addPhones(dev.lightspeedsync.client.retail.model.ContactPhone.of("555 0101", "Home")).build());
    }
    // a claim whose POST's outcome is unknown
    SyncSink dying = WriterFixture.killing(sink, (method, key) -> method.equals("recordInLedger"), true);
    assertThatThrownBy(() -> writer(dying).exportCustomers(List.of(ada("ada@example.com"))))
        .isInstanceOf(WriterFixture.Killed.class);
    long writes = fx.writeRequests();

    WriteReport rerun = writer(sink.reopen()).exportCustomers(List.of(ada("ada@example.com")));

    assertThat(rerun.actions()).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(Status.NEEDS_ATTENTION));
    assertThat(fx.writeRequests()).isEqualTo(writes);
    assertThat(sink.openIssues(RecordKind.CUSTOMER)).anySatisfy(i -> {
      assertThat(i.recordId()).isEqualTo("C-1");
      assertThat(i.reason()).isEqualTo(ReasonCode.WRITE_OUTCOME_UNKNOWN);
    });
  }

  @Test
  void customerExportIsOffByDefaultRefusedInReadOnlyModeAndPlannedInADryRun() {
    WriteReport off = fx.writer(sink, SyncSettings.defaults()).exportCustomers(List.of(ada("ada@example.com")));
    WriteReport readOnly = RetailWriter.builder().client(fx.client).sink(sink).settings(SyncSettings.builder()
        .readOnly(true).build()).exportCustomers(true).build().exportCustomers(List.of(ada("ada@example.com")));
    WriteReport dry = RetailWriter.builder().client(fx.client).sink(sink).exportCustomers(true).dryRun(true)
        .build().exportCustomers(List.of(ada("ada@example.com")));

    assertThat(off.suppressedBecause()).contains(ReasonCode.EXPORT_DISABLED);
    assertThat(off.exclusions()).containsExactly(new Exclusion("C-1", ReasonCode.EXPORT_DISABLED));
    assertThat(readOnly.suppressedBecause()).contains(ReasonCode.READ_ONLY);
    assertThat(dry.actions()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(Status.PLANNED);
      assertThat(a.request()).startsWith("POST Customer.json 'Engines Ltd' email ada@example.com");
    });
    assertThat(fx.writeRequests()).isZero();
    assertThat(sink.ledgerEntry(LedgerKind.CUSTOMER_EXPORT, "customer:C-1")).isEmpty();
  }

  @Test
  void aCustomerWithoutANameIsReportedAndTheOthersAreExported() {
    Customer nameless = Customer.builder().id("C-9").email("x@example.com").build();

    WriteReport report = writer(sink).exportCustomers(List.of(nameless, ada("ada@example.com")));

    assertThat(report.actions()).extracting(WriteAction::status).containsExactly(Status.SKIPPED, Status.DONE);
    assertThat(sink.openIssues(RecordKind.CUSTOMER)).anySatisfy(i -> {
      assertThat(i.recordId()).isEqualTo("C-9");
      assertThat(i.reason()).isEqualTo(ReasonCode.MALFORMED_RECORD);
    });
  }
}
