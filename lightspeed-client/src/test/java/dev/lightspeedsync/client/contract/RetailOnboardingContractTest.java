package dev.lightspeedsync.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.auth.AuthorizationRequest;
import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.retail.AccountNotReachableException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.RetailOauth;
import dev.lightspeedsync.client.retail.model.Account;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import dev.lightspeedsync.client.retail.model.Customer;
import dev.lightspeedsync.client.retail.model.Item;
import dev.lightspeedsync.client.retail.model.PaymentType;
import dev.lightspeedsync.client.retail.model.Sale;
import dev.lightspeedsync.client.retail.query.Filter;
import dev.lightspeedsync.client.retail.query.Operator;
import dev.lightspeedsync.client.retail.query.RetailQuery;
import dev.lightspeedsync.client.retail.write.CustomerUpdate;
import dev.lightspeedsync.client.retail.write.ItemUpdate;
import dev.lightspeedsync.client.retail.write.NewCustomer;
import dev.lightspeedsync.client.retail.write.NewItem;
import dev.lightspeedsync.client.retail.write.NewItemPrice;
import dev.lightspeedsync.client.retail.write.NewSale;
import dev.lightspeedsync.client.retail.write.NewSaleLine;
import dev.lightspeedsync.client.retail.write.NewSalePayment;
import dev.lightspeedsync.client.error.ValidationException;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding and the export writes of the R-Series client against the testkit: the
 * authorization-code flow, account discovery, a wrong account id, Customers with Contact,
 * PaymentType, Item writes and the open-then-complete sale.
 */
class RetailOnboardingContractTest {
  final ManualTimeSource time = new ManualTimeSource();
  LightspeedTestServer server;
  RetailCredentials creds;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(9).items(30).customers(20).sales(0).orders(0)
        .unlimited().timeSource(time).build());
    creds = server.retailCredentials();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RetailOauth oauth(String secret) {
    return RetailOauth.builder().clientId(creds.clientId()).clientSecret(secret).baseUrl(server.origin() + "/")
        .clock(time.asClock()).build();
  }

  private RetailClient client(long accountId, TokenStore store, String secret) {
    return RetailClient.builder().accountId(accountId).baseUrl(server.origin() + "/")
        .oauth(OauthClientCredentials.of(creds.clientId(), secret), store)
        .clock(time.asClock()).sleeper(time::sleep).build();
  }

  private RetailClient client() {
    return client(creds.accountId(), TokenStore.inMemory(TokenPair.of(creds.accessToken(), creds.refreshToken(),
        creds.accessTokenExpiresAt())), creds.clientSecret());
  }

  @Test
  void aNewConnectionFromAuthorizeToApiCallsAndRevocation() {
    try (RetailOauth oauth = oauth(creds.clientSecret())) {
      AuthorizationRequest request = AuthorizationRequest.create(List.of("employee:inventory", "employee:register"));
      URI redirected = server.retailAuthorize(oauth.authorizationUrl(request));
      TokenStore store = TokenStore.inMemory(TokenPair.withoutExpiry("placeholder", "placeholder"));
      TokenPair pair = oauth.exchange(request, oauth.codeFrom(request, redirected), store);
      assertThat(store.load()).contains(pair);
      List<Account> accounts = oauth.accounts(pair);
      assertThat(accounts).extracting(Account::id).containsExactly(creds.accountId());
      try (RetailClient c = client(accounts.get(0).id(), store, creds.clientSecret())) {
        assertThat(c.items().get(1).id()).isEqualTo(1);
      }
      oauth.revoke(store.load().orElseThrow().refreshToken());
      try (RetailClient c = client(accounts.get(0).id(), store, creds.clientSecret())) {
        assertThatThrownBy(() -> c.items().get(1)).isInstanceOf(AuthenticationException.class);
      }
    }
  }

  @Test
  void aCodeExchangedAfterSixtySecondsIsRefusedAsAnExpiredCode() {
    try (RetailOauth oauth = oauth(creds.clientSecret())) {
      AuthorizationRequest request = AuthorizationRequest.create(List.of("employee:all"));
      String code = oauth.codeFrom(request, server.retailAuthorize(oauth.authorizationUrl(request)));
      time.advance(Duration.ofSeconds(61));
      assertThatThrownBy(() -> oauth.exchange(request, code)).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("authorization code (invalid_grant)").hasMessageContaining("60 seconds");
    }
  }

  @Test
  void aWrongClientSecretIsNamedAsSuch() {
    try (RetailOauth oauth = oauth("not-the-secret")) {
      AuthorizationRequest request = AuthorizationRequest.create(List.of("employee:all"));
      String code = oauth.codeFrom(request, server.retailAuthorize(oauth.authorizationUrl(request)));
      assertThatThrownBy(() -> oauth.exchange(request, code)).hasMessageContaining("client id or client secret");
    }
    TokenStore store = TokenStore.inMemory(TokenPair.withoutExpiry("none", creds.refreshToken()));
    try (RetailClient c = client(creds.accountId(), store, "not-the-secret")) {
      assertThatThrownBy(() -> c.items().get(1)).hasMessageContaining("client id or client secret");
    }
    assertThat(server.inspect().isRefreshTokenActive(creds.refreshToken())).isTrue();
  }

  @Test
  void aTypoInTheAccountIdDoesNotSpendTheRefreshToken() {
    long typo = creds.accountId() + 1;
    TokenStore wrong = TokenStore.inMemory(TokenPair.withoutExpiry("none", creds.refreshToken()));
    try (RetailClient c = client(typo, wrong, creds.clientSecret())) {
      assertThatThrownBy(() -> c.items().get(1)).isInstanceOfSatisfying(AccountNotReachableException.class, e -> {
        assertThat(e.reachableAccounts()).extracting(Account::id).containsExactly(creds.accountId());
        assertThat(e.getMessage()).contains(Long.toString(typo), Long.toString(creds.accountId()));
      });
    }
    assertThat(wrong.load().orElseThrow().refreshToken()).isEqualTo(creds.refreshToken()); // nothing saved there
    TokenStore right = TokenStore.inMemory(TokenPair.withoutExpiry("none", creds.refreshToken()));
    try (RetailClient c = client(creds.accountId(), right, creds.clientSecret())) {
      assertThat(c.items().get(1).id()).isEqualTo(1); // the same refresh token still works
    }
    assertThat(right.load().orElseThrow().refreshToken()).isNotEqualTo(creds.refreshToken());
  }

  @Test
  void customersWithContactAreCreatedUpdatedAndRead() {
    try (RetailClient c = client()) {
      Customer created = c.createCustomer(NewCustomer.builder().firstName("Ada").lastName("Lovelace")
          .addEmails(ContactEmail.of("ada@example.com", "Primary")).addPhones(ContactPhone.of("555-1", "Mobile"))
          .noEmail(false).build());
      assertThat(created.email()).contains("ada@example.com");
      assertThat(created.contact().orElseThrow().noEmail()).isFalse();
      assertThat(created.contact().orElseThrow().noPhone()).isTrue(); // Lightspeed's default for new customers
      Customer updated = c.updateCustomer(created.id(), CustomerUpdate.builder().company("Analytical Engines")
          .addEmails(ContactEmail.of("ada@engines.example", "Primary")).build());
      assertThat(updated.company()).contains("Analytical Engines");
      assertThat(updated.contact().orElseThrow().phones()).extracting(ContactPhone::number).containsExactly("555-1");
      Customer read = c.customers().get(created.id(), "Contact");
      assertThat(read.email()).contains("ada@engines.example");
      assertThat(read.firstName()).contains("Ada");
      long withContact = c.customers().list(RetailQuery.builder().loadRelations("Contact").build()).stream()
          .filter(x -> x.contact().isPresent()).count();
      assertThat(withContact).isEqualTo(c.customers().list().stream().count());
    }
  }

  @Test
  void thePaymentTypeListIsTypedAndReadInOneRequest() {
    try (RetailClient c = client()) {
      List<PaymentType> types = c.paymentTypes().list().stream().toList();

      assertThat(types).extracting(PaymentType::name).contains("Cash", "Credit Card", "Credit Account", "Gift Card");
      PaymentType cash = types.stream().filter(t -> t.hasName(" CASH ")).findFirst().orElseThrow();
      assertThat(cash.id()).isEqualTo(1);
      assertThat(cash.type()).contains("cash");
      assertThat(cash.internalReserved()).isTrue();
      assertThat(cash.refundAsPaymentTypeId()).as("\"0\" foreign key").isEmpty();
      PaymentType account = types.stream().filter(t -> t.hasName("Credit Account")).findFirst().orElseThrow();
      assertThat(account.requireCustomer()).isTrue();
      assertThat(types).allSatisfy(t -> assertThat(t.archived()).isFalse());
      assertThat(server.inspect().requests("GET PaymentType.json")).isEqualTo(1);
    }
  }

  @Test
  void aPaymentTypeIsFoundByName() {
    try (RetailClient c = client()) {
      PaymentType card = c.findPaymentType("credit card").orElseThrow();
      assertThat(card.name()).isEqualTo("Credit Card");
      assertThat(card.type()).contains("credit card");
      assertThat(c.findPaymentType("Bitcoin")).isEmpty();
    }
  }

  @Test
  void itemsAreCreatedAndUpdatedWithCodesVendorAndPrices() {
    try (RetailClient c = client()) {
      Item created = c.createItem(NewItem.builder().description("Export Mug").customSku("EXP-1").manufacturerSku("MPN-1")
          .upc("012345678912").defaultVendorId(1L).addPrices(NewItemPrice.of("Default", new BigDecimal("9.50"))).build());
      assertThat(created.customSku()).contains("EXP-1");
      assertThat(created.defaultVendorId()).contains(1L);
      assertThat(server.retail().prices(created.id())).containsEntry("Default", new BigDecimal("9.50"));
      time.advance(Duration.ofMinutes(1));
      Item updated = c.updateItem(created.id(), ItemUpdate.builder().ean("4006381333900")
          .addPrices(NewItemPrice.atLevel(2, new BigDecimal("14"))).build());
      assertThat(updated.ean()).contains("4006381333900");
      assertThat(updated.timeStamp()).isNotEqualTo(created.timeStamp());
      Item read = c.items().get(created.id());
      assertThat(read.prices()).anySatisfy(p -> {
        assertThat(p.useType()).contains("MSRP");
        assertThat(p.amount()).isEqualByComparingTo("14");
      });
    }
  }

  @Test
  void aSaleIsCreatedOpenThenCompletedWithThePaymentItsTotalAsks() {
    try (RetailClient c = client()) {
      long card = c.findPaymentType("Credit Card").orElseThrow().id();
      Sale open = c.createSale(NewSale.builder().shopId(1).registerId(1).employeeId(1).completed(false)
          .referenceNumber("WEB-1001").referenceNumberSource("webshop")
          .addLines(NewSaleLine.builder().itemId(2).unitQuantity(new BigDecimal("3")).unitPrice(new BigDecimal("5"))
              .build()).build());
      BigDecimal total = open.total().orElseThrow();
      assertThat(total).isEqualByComparingTo("16.20");
      assertThatThrownBy(() -> c.completeSale(open.id(), List.of(NewSalePayment.of(card, new BigDecimal("16")))))
          .isInstanceOf(ValidationException.class);
      Sale done = c.completeSale(open.id(), List.of(NewSalePayment.of(card, total)));
      assertThat(done.completed()).isTrue();
      assertThat(done.balance()).hasValueSatisfying(b -> assertThat(b).isZero());
      List<Sale> byRef = c.sales().list(RetailQuery.builder()
          .filter(Filter.of("referenceNumber", Operator.EQUALS, "WEB-1001")).build()).stream().toList();
      assertThat(byRef).extracting(Sale::id).containsExactly(open.id());
    }
  }

  @Test
  void aValidTokenUsedWithAWrongAccountIdNamesTheRightAccount() {
    TokenStore store = TokenStore.inMemory(TokenPair.of(creds.accessToken(), creds.refreshToken(),
        creds.accessTokenExpiresAt()));
    try (RetailClient c = client(creds.accountId() + 7, store, creds.clientSecret())) {
      assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(AccountNotReachableException.class, e -> assertThat(e.reachableAccounts())
              .extracting(Account::id).containsExactly(creds.accountId()));
    }
    assertThat(server.inspect().tokenRefreshes()).isZero();
  }
}
