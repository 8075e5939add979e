package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customer with Contact, PaymentType, Item writes and the open-then-complete sale, as the R-Series
 * endpoint pages and the sales tutorial describe them.
 */
class RetailExportEndpointsTest {
  private final ManualTimeSource clock = new ManualTimeSource();
  private LightspeedTestServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(5).items(20).customers(30).sales(0).orders(0)
        .unlimited().timeSource(clock).build());
    http = new Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<String> values(JsonNode relation, String key, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : Http.many(relation.isObject() ? relation.get(key) : relation)) {
      out.add(n.get(field).asText());
    }
    return out;
  }

  @Test
  void generatedCustomersListWithTheirContact() {
    JsonNode page = http.retail("Customer.json?load_relations=" + Http.enc("[\"Contact\"]")).json();
    int withEmail = 0;
    for (JsonNode c : Http.many(page.get("Customer"))) {
      JsonNode contact = c.get("Contact");
      assertThat(contact).isNotNull();
      if (contact.get("Emails").isObject()) {
        withEmail++;
        assertThat(contact.get("Emails").get("ContactEmail").get("address").asText()).contains("@");
      }
    }
    assertThat(withEmail).isPositive();
  }

  @Test
  void postCustomerWithContactStoresItAndOptsOutByDefault() {
    Http.Response r = http.retailWrite("POST", "Customer.json", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
        + "\"Contact\":{\"Emails\":{\"ContactEmail\":[{\"address\":\"ada@example.com\",\"useType\":\"Primary\"},"
        + "{\"address\":\"ada@work.example\",\"useType\":\"Secondary\"}]},"
        + "\"Phones\":{\"ContactPhone\":{\"number\":\"555-1234\",\"useType\":\"Mobile\"}},"
        + "\"Addresses\":{\"ContactAddress\":{\"address1\":\"1 Main St\",\"city\":\"Springfield\",\"countryCode\":\"US\"}}}}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode c = r.json().get("Customer");
    long id = c.get("customerID").asLong();
    assertThat(id).isEqualTo(31);
    JsonNode contact = c.get("Contact");
    assertThat(values(contact.get("Emails"), "ContactEmail", "address")).containsExactly("ada@example.com",
        "ada@work.example");
    assertThat(contact.get("Phones").get("ContactPhone").get("number").asText()).isEqualTo("555-1234");
    assertThat(contact.get("Addresses").get("ContactAddress").get("city").asText()).isEqualTo("Springfield");
    assertThat(contact.get("Websites").asText()).isEmpty();
    assertThat(contact.get("noEmail").asText()).isEqualTo("true"); // changelog 2018.12
    JsonNode read = http.retail("Customer/" + id + ".json?load_relations=" + Http.enc("[\"Contact\"]")).json()
        .get("Customer");
    assertThat(read.get("Contact")).isEqualTo(contact);
    assertThat(http.retail("Customer.json?Contact.email=ada@example.com").json().get("Customer").get("customerID")
        .asLong()).isEqualTo(id);
  }

  @Test
  void putCustomerReplacesOnlyTheContactPartsSentAndMovesTheTimeStamp() {
    long id = http.retailWrite("POST", "Customer.json", "{\"company\":\"ACME\",\"Contact\":{\"noEmail\":false,"
        + "\"Emails\":{\"ContactEmail\":{\"address\":\"old@acme.example\",\"useType\":\"Primary\"}},"
        + "\"Phones\":{\"ContactPhone\":{\"number\":\"1\",\"useType\":\"Work\"}}}}").json().get("Customer")
        .get("customerID").asLong();
    String before = http.retail("Customer/" + id + ".json").json().get("Customer").get("timeStamp").asText();
    clock.advance(Duration.ofMinutes(5));
    JsonNode after = http.retailWrite("PUT", "Customer/" + id + ".json", "{\"lastName\":\"Coyote\",\"Contact\":"
        + "{\"Emails\":{\"ContactEmail\":{\"address\":\"new@acme.example\",\"useType\":\"Primary\"}}}}").json()
        .get("Customer");
    assertThat(after.get("lastName").asText()).isEqualTo("Coyote");
    assertThat(after.get("company").asText()).isEqualTo("ACME");
    assertThat(after.get("timeStamp").asText()).isNotEqualTo(before);
    JsonNode contact = after.get("Contact");
    assertThat(contact.get("Emails").get("ContactEmail").get("address").asText()).isEqualTo("new@acme.example");
    assertThat(contact.get("Phones").get("ContactPhone").get("number").asText()).isEqualTo("1");
    assertThat(contact.get("noEmail").asText()).isEqualTo("false");
    assertThat(http.retailWrite("PUT", "Customer/" + id + ".json",
        "{\"Contact\":{\"Emails\":{\"ContactEmail\":[{\"address\":\"a@x\",\"useType\":\"Primary\"},"
            + "{\"address\":\"b@x\",\"useType\":\"Primary\"}]}}}").status()).isEqualTo(400);
  }

  @Test
  void paymentTypesAreListedAsDocumented() {
    JsonNode types = http.retail("PaymentType.json").json().get("PaymentType");
    List<String> names = new ArrayList<>();
    for (JsonNode t : Http.many(types)) {
      names.add(t.get("name").asText());
    }
    assertThat(names).contains("Cash", "Credit Card", "Credit Account", "Gift Card");
    JsonNode cash = http.retail("PaymentType/1.json").json().get("PaymentType");
    assertThat(cash.get("type").asText()).isEqualTo("cash");
    assertThat(cash.get("internalReserved").asText()).isEqualTo("true");
    JsonNode created = http.retailWrite("POST", "PaymentType.json", "{\"name\":\"Webshop Paid\",\"type\":\"credit card\"}")
        .json().get("PaymentType");
    assertThat(created.get("type").asText()).isEqualTo("user defined");
    assertThat(http.retailWrite("PUT", "PaymentType/1.json", "{\"name\":\"Money\"}").status()).isEqualTo(400);
  }

  @Test
  void itemPostAndPutChangeStateAndTimeStamp() {
    JsonNode created = http.retailWrite("POST", "Item.json", "{\"description\":\"Export Mug\",\"customSku\":\"EXP-1\","
        + "\"manufacturerSku\":\"MPN-1\",\"upc\":\"012345678912\",\"ean\":\"4006381333900\",\"defaultVendorID\":2,"
        + "\"Prices\":{\"ItemPrice\":[{\"amount\":\"9.50\",\"useType\":\"Default\"},{\"amount\":\"12\",\"useTypeID\":2}]}}")
        .json().get("Item");
    long id = created.get("itemID").asLong();
    assertThat(created.get("defaultVendorID").asText()).isEqualTo("2");
    assertThat(server.retail().prices(id)).containsEntry("Default", new BigDecimal("9.50"))
        .containsEntry("MSRP", new BigDecimal("12.00"));
    String ts = created.get("timeStamp").asText();
    clock.advance(Duration.ofMinutes(1));
    JsonNode updated = http.retailWrite("PUT", "Item/" + id + ".json", "{\"customSku\":\"EXP-1B\","
        + "\"Prices\":{\"ItemPrice\":{\"amount\":\"10\",\"useTypeID\":1}}}").json().get("Item");
    assertThat(updated.get("customSku").asText()).isEqualTo("EXP-1B");
    assertThat(updated.get("manufacturerSku").asText()).isEqualTo("MPN-1");
    assertThat(updated.get("timeStamp").asText()).isNotEqualTo(ts);
    assertThat(server.retail().prices(id)).containsEntry("Default", new BigDecimal("10.00"));
    assertThat(http.retailWrite("PUT", "Item/" + id + ".json", "{\"upc\":\"12 34\"}").status()).isEqualTo(400);
  }

  @Test
  void anOpenSaleShowsItsTotalAndIsCompletedByAPutThatBalances() {
    long qohBefore = server.retail().qoh(3, 1);
    JsonNode open = http.retailWrite("POST", "Sale.json", "{\"shopID\":1,\"registerID\":1,\"employeeID\":1,"
        + "\"completed\":false,\"referenceNumber\":\"WEB-7\",\"SaleLines\":{\"SaleLine\":{\"itemID\":3,\"unitQuantity\":2,"
        + "\"unitPrice\":\"10\"}}}").json().get("Sale");
    assertThat(open.get("completed").asText()).isEqualTo("false");
    assertThat(new BigDecimal(open.get("total").asText())).isEqualByComparingTo("21.60");
    assertThat(server.retail().qoh(3, 1)).isEqualTo(qohBefore);
    long id = open.get("saleID").asLong();
    Http.Response short_ = http.retailWrite("PUT", "Sale/" + id + ".json", "{\"completed\":true,"
        + "\"SalePayments\":{\"SalePayment\":{\"amount\":\"20\",\"paymentTypeID\":3}}}");
    assertThat(short_.status()).isEqualTo(400);
    assertThat(http.retailWrite("PUT", "Sale/" + id + ".json", "{\"completed\":true,"
        + "\"SalePayments\":{\"SalePayment\":{\"amount\":\"21.60\",\"paymentTypeID\":99}}}").status()).isEqualTo(400);
    JsonNode done = http.retailWrite("PUT", "Sale/" + id + ".json", "{\"completed\":true,"
        + "\"SalePayments\":{\"SalePayment\":{\"amount\":\"21.60\",\"paymentTypeID\":3}}}").json().get("Sale");
    assertThat(done.get("completed").asText()).isEqualTo("true");
    assertThat(new BigDecimal(done.get("balance").asText())).isZero();
    assertThat(server.retail().qoh(3, 1)).isEqualTo(qohBefore - 2);
    assertThat(server.retail().salePayments(id)).hasSize(1);
    assertThat(http.retail("Sale.json?referenceNumber=WEB-7").json().get("Sale").get("saleID").asLong()).isEqualTo(id);
  }

  @Test
  void aCompletingPutThatDoesNotBalanceIsRefusedAndChangesNothingAndSaleWritesCostAsDocumented() {
    long qohBefore = server.retail().qoh(3, 1);
    Http.Response post = http.retailWrite("POST", "Sale.json", "{\"shopID\":1,\"registerID\":1,\"employeeID\":1,"
        + "\"completed\":false,\"SaleLines\":{\"SaleLine\":[{\"itemID\":3,\"unitQuantity\":1,\"unitPrice\":\"5\"},"
        + "{\"itemID\":3,\"unitQuantity\":1,\"unitPrice\":\"7.50\"}]}}");
    // base 2 for a Sale write, +0.5 per nested SaleLine; no +3 for an open sale
    assertThat(post.header("X-LS-API-Request-Cost")).isEqualTo("3");
    JsonNode open = post.json().get("Sale");
    long id = open.get("saleID").asLong();
    // 12.50 + 8 % tax, computed by the server
    assertThat(new BigDecimal(open.get("total").asText())).isEqualByComparingTo("13.50");
    assertThat(new BigDecimal(open.get("balance").asText())).isEqualByComparingTo("13.50");

    Http.Response refused = http.retailWrite("PUT", "Sale/" + id + ".json", "{\"completed\":true,"
        + "\"SalePayments\":{\"SalePayment\":{\"amount\":\"12.50\",\"paymentTypeID\":1}}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("do not cover total 13.50");
    JsonNode still = http.retail("Sale/" + id + ".json").json().get("Sale");
    assertThat(still.get("completed").asText()).isEqualTo("false");
    assertThat(server.retail().salePayments(id)).isEmpty();
    assertThat(server.retail().qoh(3, 1)).isEqualTo(qohBefore);

    Http.Response done = http.retailWrite("PUT", "Sale/" + id + ".json", "{\"completed\":true,"
        + "\"SalePayments\":{\"SalePayment\":{\"amount\":\"13.50\",\"paymentTypeID\":1}}}");
    // base 2, +3 for completed: true, +0.5 for the SalePayment
    assertThat(done.header("X-LS-API-Request-Cost")).isEqualTo("5.5");
    assertThat(done.json().get("Sale").get("completed").asText()).isEqualTo("true");
    assertThat(server.retail().qoh(3, 1)).isEqualTo(qohBefore - 2);
  }
}
