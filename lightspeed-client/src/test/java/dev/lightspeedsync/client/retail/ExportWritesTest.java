package dev.lightspeedsync.client.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.retail.model.Contact;
import dev.lightspeedsync.client.retail.model.ContactAddress;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import dev.lightspeedsync.client.retail.model.Customer;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.PaymentType;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.write.CustomerUpdate;
import dev.lightspeedsync.client.retail.write.ItemUpdate;
import dev.lightspeedsync.client.retail.write.NewCustomer;
import dev.lightspeedsync.client.retail.write.NewItem;
import dev.lightspeedsync.client.retail.write.NewItemPrice;
import dev.lightspeedsync.client.retail.write.NewSalePayment;
import java.math.BigDecimal;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Customers with Contact, PaymentType, Item writes and completing an open sale, against MockWebServer. */
class ExportWritesTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailClient client() {
    return RetailClient.builder().accountId(7).baseUrl(server.url("/").toString()).accessToken("t")
        .clock(time).sleeper(time).build();
  }

  @Test
  void aCustomersContactIsReadInEveryShapeLightspeedSends() {
    server.enqueue(Json.ok("{\"@attributes\":{\"next\":\"\"},\"Customer\":[{\"customerID\":\"1\",\"firstName\":\"Ada\","
        + "\"lastName\":\"Lovelace\",\"dob\":\"\",\"Contact\":{\"noEmail\":\"true\",\"noPhone\":\"false\",\"noMail\":\"false\","
        + "\"Addresses\":{\"ContactAddress\":{\"address1\":\"1 Main\",\"city\":\"Springfield\",\"countryCode\":\"US\"}},"
        + "\"Phones\":{\"ContactPhone\":[{\"number\":\"555-1\",\"useType\":\"Home\"},{\"number\":\"555-2\",\"useType\":\"Mobile\"}]},"
        + "\"Emails\":{\"ContactEmail\":[{\"address\":\"a2@x\",\"useType\":\"Secondary\"},{\"address\":\"a1@x\",\"useType\":\"Primary\"}]},"
        + "\"Websites\":\"\"}},"
        + "{\"customerID\":\"2\",\"company\":\"ACME\",\"Contact\":{\"Addresses\":\"\",\"Phones\":\"\",\"Emails\":\"\",\"Websites\":\"\"}},"
        + "{\"customerID\":\"3\",\"firstName\":\"No contact loaded\"}]}"));
    try (RetailClient c = client()) {
      List<Customer> customers = c.customers().list().stream().toList();
      Contact ada = customers.get(0).contact().orElseThrow();
      assertThat(ada.addresses()).singleElement().satisfies(a -> assertThat(a.city()).contains("Springfield"));
      assertThat(ada.phones()).extracting(ContactPhone::number).containsExactly("555-1", "555-2");
      assertThat(ada.noEmail()).isTrue();
      assertThat(customers.get(0).email()).contains("a1@x");
      assertThat(customers.get(0).dateOfBirth()).isEmpty();
      assertThat(customers.get(1).contact().orElseThrow().emails()).isEmpty();
      assertThat(customers.get(1).email()).isEmpty();
      assertThat(customers.get(2).contact()).isEmpty();
    }
  }

  @Test
  void createAndUpdateCustomerWriteTheContactNested() throws Exception {
    server.enqueue(Json.ok("{\"Customer\":{\"customerID\":\"31\",\"firstName\":\"Ada\",\"Contact\":{\"Emails\":"
        + "{\"ContactEmail\":{\"address\":\"ada@example.com\",\"useType\":\"Primary\"}}}}}"));
    server.enqueue(Json.ok("{\"Customer\":{\"customerID\":\"31\",\"lastName\":\"King\"}}"));
    try (RetailClient c = client()) {
      Customer created = c.createCustomer(NewCustomer.builder().firstName("Ada").lastName("Lovelace")
          .addEmails(ContactEmail.of("ada@example.com", "Primary")).addPhones(ContactPhone.of("555", "Mobile"))
          .addAddresses(ContactAddress.builder().address1("1 Main").city("Springfield").countryCode("US").build())
          .noEmail(false).build());
      assertThat(created.email()).contains("ada@example.com");
      c.updateCustomer(31, CustomerUpdate.builder().lastName("King").build());
    }
    RecordedRequest post = server.takeRequest();
    assertThat(post.getTarget()).isEqualTo("/API/V3/Account/7/Customer.json");
    assertThat(post.getBody().utf8()).isEqualTo("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"Contact\":{"
        + "\"noEmail\":false,\"Emails\":{\"ContactEmail\":[{\"address\":\"ada@example.com\",\"useType\":\"Primary\"}]},"
        + "\"Phones\":{\"ContactPhone\":[{\"number\":\"555\",\"useType\":\"Mobile\"}]},"
        + "\"Addresses\":{\"ContactAddress\":[{\"address1\":\"1 Main\",\"city\":\"Springfield\",\"countryCode\":\"US\"}]}}}");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/API/V3/Account/7/Customer/31.json");
    assertThat(put.getBody().utf8()).isEqualTo("{\"lastName\":\"King\"}");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "nameless | a customer needs a firstName, lastName or company",
      "twoPrimaries | two primary emails",
      "badPhoneType | phone useType must be",
      "archive | archived=true cannot be set"})
  void invalidCustomerWritesFailBeforeAnyRequest(String kind, String message) {
    assertThatThrownBy(() -> {
      switch (kind) {
        case "nameless" -> NewCustomer.builder().addEmails(ContactEmail.of("a@x", "Primary")).build();
        case "twoPrimaries" -> NewCustomer.builder().firstName("A").addEmails(ContactEmail.of("a@x", "Primary"),
            ContactEmail.of("b@x", "Primary")).build();
        case "badPhoneType" -> CustomerUpdate.builder().addPhones(ContactPhone.of("1", "Cell")).build();
        default -> CustomerUpdate.builder().archived(true).build();
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aPaymentTypeIsFoundByNameIgnoringCaseAndArchivedOnes() {
    String page = "{\"@attributes\":{\"next\":\"\"},\"PaymentType\":[{\"paymentTypeID\":\"1\",\"name\":\"Cash\","
        + "\"type\":\"cash\",\"internalReserved\":\"true\",\"refundAsPaymentTypeID\":\"0\"},"
        + "{\"paymentTypeID\":\"8\",\"name\":\"Webshop\",\"archived\":\"true\"},"
        + "{\"paymentTypeID\":\"9\",\"name\":\"Webshop\",\"type\":\"user defined\"}]}";
    server.enqueue(Json.ok(page));
    server.enqueue(Json.ok(page));
    try (RetailClient c = client()) {
      PaymentType webshop = c.findPaymentType(" webshop ").orElseThrow();
      assertThat(webshop.id()).isEqualTo(9);
      assertThat(webshop.type()).contains("user defined");
      assertThat(c.findPaymentType("Bitcoin")).isEmpty();
    }
  }

  @Test
  void itemWritesCarryCodesVendorAndPrices() throws Exception {
    server.enqueue(Json.ok("{\"Item\":{\"itemID\":\"21\",\"customSku\":\"EXP-1\",\"Prices\":{\"ItemPrice\":"
        + "{\"amount\":\"9.5\",\"useTypeID\":\"1\",\"useType\":\"Default\"}}}}"));
    server.enqueue(Json.ok("{\"Item\":{\"itemID\":\"21\",\"customSku\":\"EXP-2\"}}"));
    try (RetailClient c = client()) {
      Item created = c.createItem(NewItem.builder().description("Mug").customSku("EXP-1").manufacturerSku("MPN-1")
          .upc("012345678912").ean("4006381333900").defaultVendorId(2L).defaultCost(new BigDecimal("3.10"))
          .addPrices(NewItemPrice.of("Default", new BigDecimal("9.50")), NewItemPrice.atLevel(2, new BigDecimal("12")))
          .build());
      assertThat(created.prices()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("9.5"));
      assertThat(c.updateItem(21, ItemUpdate.builder().customSku("EXP-2").build()).customSku()).contains("EXP-2");
      assertThatThrownBy(() -> c.updateItem(21, ItemUpdate.builder().build())).hasMessageContaining("changes nothing");
    }
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"description\":\"Mug\",\"customSku\":\"EXP-1\","
        + "\"manufacturerSku\":\"MPN-1\",\"upc\":\"012345678912\",\"ean\":\"4006381333900\",\"defaultCost\":3.10,"
        + "\"defaultVendorID\":2,\"Prices\":{\"ItemPrice\":[{\"amount\":9.50,\"useType\":\"Default\"},"
        + "{\"amount\":12,\"useTypeID\":2}]}}");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getTarget()).isEqualTo("/API/V3/Account/7/Item/21.json");
    assertThat(put.getBody().utf8()).isEqualTo("{\"customSku\":\"EXP-2\"}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "upc with a space | 0123 45678912 | upc must be 11 to 14 digits",
      "short ean | 123 | ean must be 11 to 14 digits"})
  void badCodesFailAtBuild(String name, String code, String message) {
    assertThatThrownBy(() -> {
      if (message.startsWith("upc")) {
        NewItem.builder().description("x").upc(code).build();
      } else {
        ItemUpdate.builder().ean(code).build();
      }
    }).hasMessageContaining(message);
  }

  @Test
  void anOpenSaleIsCompletedWithAPut() throws Exception {
    server.enqueue(Json.ok("{\"Sale\":{\"saleID\":\"40\",\"completed\":\"true\",\"total\":\"21.6\",\"calcTotal\":\"21.6\","
        + "\"balance\":\"0\",\"SalePayments\":{\"SalePayment\":{\"salePaymentID\":\"3\",\"amount\":\"21.6\",\"paymentTypeID\":\"3\"}}}}"));
    try (RetailClient c = client()) {
      Sale done = c.completeSale(40, List.of(NewSalePayment.of(3, new BigDecimal("21.60"))));
      assertThat(done.completed()).isTrue();
      assertThat(done.calcTotal()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("21.6"));
      assertThat(done.payments()).hasSize(1);
      assertThatThrownBy(() -> c.completeSale(40, List.of())).hasMessageContaining("payments is empty");
    }
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/API/V3/Account/7/Sale/40.json");
    assertThat(put.getBody().utf8())
        .isEqualTo("{\"completed\":true,\"SalePayments\":{\"SalePayment\":[{\"paymentTypeID\":3,\"amount\":21.60}]}}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
