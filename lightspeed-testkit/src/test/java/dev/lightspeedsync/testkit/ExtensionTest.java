package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionTest {

  @Nested
  class PerTestServer {
    @RegisterExtension
    final LightspeedTestkitExtension testkit = LightspeedTestkitExtension.create(
        () -> TestkitConfig.builder().seed(8).items(30).timeSource(new ManualTimeSource()).build());

    @TestkitInject
    RetailCredentials injectedCredentials;

    @TestkitInject
    URI baseUrl;

    @Test
    void injectsParametersAndFields(LightspeedTestServer server, RetailCredentials credentials, EcomCredentials ecom,
        ManualTimeSource clock, Inspection inspection, URI base) {
      assertThat(server).isSameAs(testkit.server());
      assertThat(injectedCredentials).isEqualTo(credentials);
      assertThat(baseUrl).isEqualTo(base).isEqualTo(server.retailBaseUrl()).isEqualTo(server.ecomBaseUrl());
      assertThat(base.toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
      assertThat(server.origin().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.port()).isPositive();
      assertThat(ecom.apiKey()).hasSize(32);
      Http http = new Http(server);
      assertThat(http.retail("Item.json").status()).isEqualTo(200);
      assertThat(inspection.requests("GET Item.json", 200)).isEqualTo(1);
      clock.advance(Duration.ofHours(2));
      assertThat(http.retail("Item.json").status()).isEqualTo(401);
    }

    @Test
    void injectsXSeriesViews(LightspeedTestServer server, XSeriesCredentials credentials, XSeriesData xseries) {
      assertThat(credentials).isEqualTo(server.xseriesCredentials());
      assertThat(xseries).isSameAs(server.xseries());
      assertThat(new Http(server).xs("api/2.0/retailer", credentials.accessToken()).json().at("/data/domain_prefix")
          .asText()).isEqualTo(xseries.domainPrefix());
    }

    @Test
    void eachTestGetsAFreshServer(Inspection inspection, RetailData retail) {
      assertThat(inspection.totalRequests()).isZero();
      assertThat(retail.count("Item")).isEqualTo(30);
    }
  }

  @Nested
  @ExtendWith(LightspeedTestkitExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class ClassWideServer {
    @Test
    @Order(1)
    void first(LightspeedTestServer server) {
      new Http(server).retail("Shop.json");
      assertThat(server.clock()).isInstanceOf(ManualTimeSource.class);
    }

    @Test
    @Order(2)
    void sharesTheServerWithinTheClass(Inspection inspection) {
      assertThat(inspection.requests("GET Shop.json")).isEqualTo(1);
    }
  }
}
