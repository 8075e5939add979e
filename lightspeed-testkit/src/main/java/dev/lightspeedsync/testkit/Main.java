package dev.lightspeedsync.testkit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake server standalone until killed and prints where it listens:
 *
 * <pre>
 * java -cp lightspeed-testkit.jar:jackson-*.jar dev.lightspeedsync.testkit.Main --seed 7 --items 100000 --port 8089
 * </pre>
 *
 * The first line of output is {@code lightspeed-testkit listening on port <port>}; the following
 * lines give the URLs and credentials. {@code --help} lists the options.
 */
public final class Main {
  private Main() {}

  /** Starts the server with the given options and blocks until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    TestkitConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    if (config == null) {
      usage(System.out);
      return;
    }
    LightspeedTestServer server = LightspeedTestServer.start(config);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      done.countDown();
    }, "lightspeed-testkit-shutdown"));
    describe(server, System.out);
    System.out.flush();
    done.await();
  }

  static void describe(LightspeedTestServer server, PrintStream out) {
    RetailCredentials rc = server.retailCredentials();
    EcomCredentials ec = server.ecomCredentials();
    out.println("lightspeed-testkit listening on port " + server.port());
    out.println("retail.apiRoot=" + server.retailApiRoot());
    out.println("retail.accountId=" + rc.accountId());
    out.println("retail.tokenUrl=" + server.tokenUrl());
    out.println("retail.clientId=" + rc.clientId());
    out.println("retail.clientSecret=" + rc.clientSecret());
    out.println("retail.accessToken=" + rc.accessToken());
    out.println("retail.refreshToken=" + rc.refreshToken());
    out.println("ecom.baseUrl=" + server.ecomBaseUrl());
    out.println("ecom.language=" + ec.language());
    out.println("ecom.apiKey=" + ec.apiKey());
    out.println("ecom.apiSecret=" + ec.apiSecret());
    XSeriesCredentials xc = server.xseriesCredentials();
    out.println("xseries.origin=" + server.xseriesOrigin());
    out.println("xseries.apiRoot=" + server.xseriesApiRoot());
    out.println("xseries.tokenUrl=" + server.xseriesTokenUrl());
    out.println("xseries.domainPrefix=" + xc.domainPrefix());
    out.println("xseries.personalToken=" + xc.personalToken());
    out.println("xseries.clientId=" + xc.clientId());
    out.println("xseries.clientSecret=" + xc.clientSecret());
    out.println("xseries.redirectUri=" + xc.redirectUri());
    out.println("xseries.accessToken=" + xc.accessToken());
    out.println("xseries.refreshToken=" + xc.refreshToken());
  }

  static void usage(PrintStream out) {
    out.println("usage: Main [options]");
    out.println("  --port N            loopback port (default 0: a free one)");
    out.println("  --seed N            data seed (default 42)");
    out.println("  --shops N --items N --vendors N --customers N --employees N --sales N --orders N");
    out.println("  --products N --ecom-variants N --suppliers N --ecom-orders N --languages en,nl");
    out.println("  --time-scale X      API seconds per real second (default 1)");
    out.println("  --bucket-size X --drip-rate X --burst-limit N   R-Series rate limits (default 90, 1, 20)");
    out.println("  --ecom-limits A/B/C eCom quotas per 5 min/hour/day (default 300/3000/12000)");
    out.println("  --unlimited         no rate limiting");
    out.println("  --token-ttl SECONDS access token lifetime (default 3600)");
    out.println("  --fault-seed N --fault-rate KIND=P[,KIND=P...]  e.g. SERVER_ERROR=0.05,DROP_CONNECTION=0.01");
    out.println("  --fault-latency MS  delay of LATENCY faults (default 200)");
    out.println("  --xs-domain-prefix P --xs-outlets N --xs-registers-per-outlet N --xs-products N --xs-customers N");
    out.println("  --xs-suppliers N --xs-sales N --xs-consignments N   X-Series data (defaults 3, 1, 500, 50, 5, 260, 20)");
    out.println("  --xs-rate-limit N   X-Series requests per 5 minutes (default 300 x registers + 50)");
    out.println("  --xs-churn N        X-Series records updated after each list page (default 0)");
  }

  /** Parses the options; null for {@code --help}. */
  static TestkitConfig parse(String[] args) {
    TestkitConfig.Builder b = TestkitConfig.builder();
    long faultSeed = 1;
    String faultRates = null;
    long latency = 200;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        return null;
      }
      if (a.equals("--unlimited")) {
        b.unlimited();
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--port" -> b.port(Integer.parseInt(v));
          case "--seed" -> b.seed(Long.parseLong(v));
          case "--shops" -> b.shops(Integer.parseInt(v));
          case "--items" -> b.items(Long.parseLong(v));
          case "--vendors" -> b.vendors(Integer.parseInt(v));
          case "--customers" -> b.customers(Long.parseLong(v));
          case "--employees" -> b.employees(Integer.parseInt(v));
          case "--sales" -> b.sales(Long.parseLong(v));
          case "--orders" -> b.orders(Long.parseLong(v));
          case "--products" -> b.products(Long.parseLong(v));
          case "--suppliers" -> b.suppliers(Integer.parseInt(v));
          case "--ecom-orders" -> b.ecomOrders(Long.parseLong(v));
          case "--ecom-variants" -> b.ecomVariants(Long.parseLong(v));
          case "--languages" -> b.ecomLanguages(java.util.List.of(v.split(",")));
          case "--time-scale" -> b.timeSource(TimeSource.scaled(Double.parseDouble(v)));
          case "--bucket-size" -> b.bucketSize(Double.parseDouble(v));
          case "--drip-rate" -> b.dripRate(Double.parseDouble(v));
          case "--burst-limit" -> b.burstLimit(Integer.parseInt(v));
          case "--ecom-limits" -> {
            String[] p = v.split("/");
            if (p.length != 3) {
              throw new IllegalArgumentException("--ecom-limits needs A/B/C");
            }
            b.ecomLimits(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
          }
          case "--token-ttl" -> b.accessTokenTtl(Duration.ofSeconds(Long.parseLong(v)));
          case "--fault-seed" -> faultSeed = Long.parseLong(v);
          case "--fault-rate" -> faultRates = v;
          case "--fault-latency" -> latency = Long.parseLong(v);
          case "--xs-domain-prefix" -> b.xseriesDomainPrefix(v);
          case "--xs-outlets" -> b.xseriesOutlets(Integer.parseInt(v));
          case "--xs-registers-per-outlet" -> b.xseriesRegistersPerOutlet(Integer.parseInt(v));
          case "--xs-products" -> b.xseriesProducts(Long.parseLong(v));
          case "--xs-customers" -> b.xseriesCustomers(Long.parseLong(v));
          case "--xs-suppliers" -> b.xseriesSuppliers(Integer.parseInt(v));
          case "--xs-sales" -> b.xseriesSales(Long.parseLong(v));
          case "--xs-consignments" -> b.xseriesConsignments(Long.parseLong(v));
          case "--xs-rate-limit" -> b.xseriesRateLimit(Integer.parseInt(v));
          case "--xs-churn" -> b.xseriesWalkChurn(Integer.parseInt(v));
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad number for " + a + ": " + v);
      }
    }
    if (faultRates != null) {
      FaultPlan plan = FaultPlan.seeded(faultSeed).withLatency(Duration.ofMillis(latency));
      for (String kv : faultRates.split(",")) {
        String[] p = kv.split("=");
        if (p.length != 2) {
          throw new IllegalArgumentException("bad --fault-rate entry " + kv);
        }
        plan = plan.with(Fault.valueOf(p[0].trim().toUpperCase(Locale.ROOT)), Double.parseDouble(p[1]));
      }
      b.faults(plan);
    }
    return b.build();
  }
}
