package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void parsesOptions() {
    TestkitConfig c = Main.parse(new String[] {"--seed", "7", "--items", "1000000", "--shops", "4", "--port", "0",
        "--time-scale", "10", "--bucket-size", "110", "--drip-rate", "2", "--ecom-limits", "1000/12000/288000",
        "--fault-seed", "3", "--fault-rate", "SERVER_ERROR=0.05,drop_connection=0.01"});
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.items()).isEqualTo(1_000_000);
    assertThat(c.shops()).isEqualTo(4);
    assertThat(c.timeSource().scale()).isEqualTo(10);
    assertThat(c.bucketSize()).isEqualTo(110);
    assertThat(c.dripRate()).isEqualTo(2);
    assertThat(c.ecomLimits()).containsExactly(1000, 12000, 288000);
    assertThat(c.faults().seed()).isEqualTo(3);
    assertThat(c.faults().rates()).containsEntry(Fault.SERVER_ERROR, 0.05).containsEntry(Fault.DROP_CONNECTION, 0.01);
    assertThat(Main.parse(new String[] {"--help"})).isNull();
    assertThatThrownBy(() -> Main.parse(new String[] {"--bogus", "1"})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Main.parse(new String[] {"--items"})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesXSeriesOptions() {
    TestkitConfig c = Main.parse(new String[] {"--xs-domain-prefix", "acme", "--xs-outlets", "2",
        "--xs-registers-per-outlet", "3", "--xs-products", "50000", "--xs-customers", "7", "--xs-suppliers", "2",
        "--xs-sales", "9", "--xs-consignments", "4", "--xs-churn", "1"});
    assertThat(c.xseriesDomainPrefix()).isEqualTo("acme");
    assertThat(c.xseriesRegisters()).isEqualTo(6);
    assertThat(c.xseriesRateLimit()).isEqualTo(300 * 6 + 50);
    assertThat(c.xseriesProducts()).isEqualTo(50_000);
    assertThat(c.xseriesCustomers()).isEqualTo(7);
    assertThat(c.xseriesSuppliers()).isEqualTo(2);
    assertThat(c.xseriesSales()).isEqualTo(9);
    assertThat(c.xseriesConsignments()).isEqualTo(4);
    assertThat(c.xseriesWalkChurn()).isEqualTo(1);
    assertThat(Main.parse(new String[] {"--xs-rate-limit", "20"}).xseriesRateLimit()).isEqualTo(20);
    assertThatThrownBy(() -> Main.parse(new String[] {"--xs-domain-prefix", "Not A Host"}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsThePortFirst() {
    try (LightspeedTestServer server = LightspeedTestServer.start(Main.parse(new String[] {"--items", "5"}))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Main.describe(server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
      assertThat(lines[0]).isEqualTo("lightspeed-testkit listening on port " + server.port());
      assertThat(lines).contains("retail.accountId=123456", "retail.tokenUrl=" + server.tokenUrl());
      assertThat(new Http(server).retail("Item.json").status()).isEqualTo(200);
      XSeriesCredentials xc = server.xseriesCredentials();
      assertThat(lines).contains("xseries.apiRoot=" + server.xseriesApiRoot(), "xseries.tokenUrl=" + server.xseriesTokenUrl(),
          "xseries.personalToken=" + xc.personalToken(), "xseries.domainPrefix=testkitstore");
      assertThat(new Http(server).xs("api/2.0/outlets").status()).isEqualTo(200);
    }
  }
}
