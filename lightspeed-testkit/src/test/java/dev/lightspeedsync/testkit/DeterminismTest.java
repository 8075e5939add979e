package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static String snapshot(long seed) {
    try (LightspeedTestServer s = LightspeedTestServer.start(TestkitConfig.builder().seed(seed).items(200).sales(40)
        .products(30).unlimited().timeSource(new ManualTimeSource()).build())) {
      Http http = new Http(s);
      return http.retail("Item.json?load_relations=" + Http.enc("[\"ItemShops\",\"ItemComponents\"]")).body()
          + http.retail("Sale.json?load_relations=" + Http.enc("[\"SaleLines\",\"SalePayments\"]")).body()
          + http.ecom("en/variants.json?limit=250").body().replace(s.origin().toString(), "ORIGIN")
          + http.ecom("en/orders.json").body().replace(s.origin().toString(), "ORIGIN")
          + http.xs("api/2.0/products?page_size=1000").body() + http.xs("api/2.0/sales").body()
          + http.xs("api/2.0/inventory?page_size=1000").body() + http.xs("api/2.0/consignments").body();
    }
  }

  @Test
  void sameSeedSameDataDifferentSeedDifferentData() {
    String a = snapshot(1).replaceAll(":\\d{4,5}/", ":PORT/");
    String b = snapshot(1).replaceAll(":\\d{4,5}/", ":PORT/");
    String c = snapshot(2).replaceAll(":\\d{4,5}/", ":PORT/");
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }
}
