package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultTest {
  private LightspeedTestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private LightspeedTestServer start(FaultPlan plan) {
    return LightspeedTestServer.start(TestkitConfig.builder().items(20).unlimited().faults(plan)
        .timeSource(new ManualTimeSource()).build());
  }

  /** A raw HTTP/1.1 exchange on a fresh connection: what a client really receives, no retries. */
  record Raw(String head, byte[] body, int declaredLength) {
    int status() {
      return head.isEmpty() ? 0 : Integer.parseInt(head.substring(9, 12));
    }
  }

  static Raw raw(LightspeedTestServer s, String method, String path, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(5000);
      byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      String req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nAuthorization: Bearer "
          + s.retailCredentials().accessToken() + "\r\nConnection: close\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + b.length + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(req.getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      try {
        in.transferTo(all);
      } catch (IOException reset) {
        // a reset connection counts as what we received so far
      }
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      if (split < 0) {
        return new Raw("", new byte[0], -1);
      }
      String head = text.substring(0, split);
      int declared = -1;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          declared = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] rest = text.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1);
      return new Raw(head, rest, declared);
    }
  }

  private String itemPath(LightspeedTestServer s) {
    return "/API/V3/Account/" + s.retailCredentials().accountId() + "/Item.json";
  }

  @Test
  void scriptedServerErrorDropAndTruncation() throws IOException {
    server = start(FaultPlan.none());
    server.injectNext(Fault.SERVER_ERROR);
    Raw err = raw(server, "GET", itemPath(server), null);
    assertThat(err.status()).isIn(500, 502, 503);
    assertThat(err.head()).containsIgnoringCase("Cf-Ray");

    server.injectNext(Fault.DROP_CONNECTION);
    Raw dropped = raw(server, "GET", itemPath(server), null);
    assertThat(dropped.status()).isZero();
    assertThat(dropped.body()).isEmpty();

    server.injectNext(Fault.TRUNCATED_BODY);
    Raw truncated = raw(server, "GET", itemPath(server), null);
    assertThat(truncated.status()).isEqualTo(200);
    assertThat(truncated.body().length).isLessThan(truncated.declaredLength());

    Raw fine = raw(server, "GET", itemPath(server), null);
    assertThat(fine.status()).isEqualTo(200);
    assertThat(fine.body().length).isEqualTo(fine.declaredLength());
    assertThat(server.inspect().faults(Fault.DROP_CONNECTION)).isEqualTo(1);
    assertThat(server.inspect().requests("GET Item.json", 0)).isEqualTo(1);
  }

  @Test
  void applyThen500AppliesTheWrite() throws IOException {
    server = start(FaultPlan.none());
    long item = server.retail().stream("Item").filter(r -> r.require("itemType").equals("default")
        && !r.require("upc").equals("012345678905") && !r.require("ean").equals("4006381333931")).findFirst()
        .orElseThrow().id();
    server.injectNext(Fault.APPLY_THEN_500, "PUT /API/V3/Account/123456/Item/");
    // a GET does not consume the PUT-scoped fault
    assertThat(raw(server, "GET", itemPath(server), null).status()).isEqualTo(200);
    Raw r = raw(server, "PUT", "/API/V3/Account/123456/Item/" + item + ".json",
        "{\"ItemShops\":{\"ItemShop\":{\"shopID\":1,\"qoh\":33}}}");
    assertThat(r.status()).isEqualTo(500);
    assertThat(server.retail().qoh(item, 1)).isEqualTo(33);
    assertThat(server.inspect().requests("PUT Item/{id}.json", 500)).isEqualTo(1);
  }

  @Test
  void latencyDelaysTheAnswer() throws IOException {
    server = start(FaultPlan.seeded(1).withLatency(Duration.ofMillis(150)));
    server.injectNext(Fault.LATENCY);
    long t0 = System.nanoTime();
    assertThat(raw(server, "GET", itemPath(server), null).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  private List<Integer> statuses(FaultPlan plan) throws IOException {
    try (LightspeedTestServer s = start(plan)) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Raw r = raw(s, "GET", itemPath(s), null);
        out.add(r.body().length < Math.max(r.declaredLength(), 0) ? -r.status() : r.status());
      }
      return out;
    }
  }

  @Test
  void seededFaultsAreDeterministic() throws IOException {
    FaultPlan plan = FaultPlan.seeded(99).with(Fault.SERVER_ERROR, 0.15).with(Fault.DROP_CONNECTION, 0.1)
        .with(Fault.TRUNCATED_BODY, 0.1);
    List<Integer> a = statuses(plan);
    List<Integer> b = statuses(plan);
    assertThat(a).isEqualTo(b);
    assertThat(a).contains(0, -200).anyMatch(s -> s >= 500).contains(200);
    List<Integer> other = statuses(FaultPlan.seeded(100).with(Fault.SERVER_ERROR, 0.15).with(Fault.DROP_CONNECTION, 0.1)
        .with(Fault.TRUNCATED_BODY, 0.1));
    assertThat(other).isNotEqualTo(a);
  }
}
