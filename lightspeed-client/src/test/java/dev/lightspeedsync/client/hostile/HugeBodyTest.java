package dev.lightspeedsync.client.hostile;

import static dev.lightspeedsync.client.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.FakeTime;
import dev.lightspeedsync.client.ecom.EcomClient;
import dev.lightspeedsync.client.error.ResponseTooLargeException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.xseries.XSeriesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Bodies larger than the client may buffer are refused, announced or counted, never read into the heap. */
class HugeBodyTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  private RetailClient retail(String base, long maxBody) {
    RetailClient.Builder b = RetailClient.builder().accountId(1).baseUrl(base).accessToken("t").clock(time).sleeper(time);
    return (maxBody > 0 ? b.maxBodyBytes(maxBody) : b).build();
  }

  @Test
  void aBodyAnnouncedLargerThanTheCapIsRefusedUnreadAndNotRetried() {
    server.enqueue(json(Hostile.itemsPage(1, 40, ""))); // several kB, with Content-Length
    try (RetailClient c = retail(server.url("/").toString(), 1000)) {
      assertThatThrownBy(() -> c.items().list().stream().count())
          .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
            assertThat(e.limitBytes()).isEqualTo(1000);
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage()).contains("announced a body of", "limit of 1000 bytes", "maxBodyBytes(")
                .doesNotContain("HTTP 0");
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aChunkedBodyIsCountedWhileReading() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .chunkedBody(Hostile.variants(1, 60), 256).build());
    try (EcomClient c = EcomClient.builder().baseUrl(server.url("/").toString()).language("nl")
        .credentials(Hostile.ECOM_KEY, Hostile.ECOM_SECRET).clock(time).sleeper(time).maxBodyBytes(2048).build()) {
      assertThatThrownBy(() -> c.variants().list().firstPage())
          .isInstanceOfSatisfying(ResponseTooLargeException.class,
              e -> assertThat(e.getMessage()).contains("more than 2048 bytes"));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void xSeriesHasTheSameCapAndABodyUnderItIsRead() {
    server.enqueue(json(Hostile.products(1, 30, 10)));
    server.enqueue(json(Hostile.products(1, 2, 10)));
    server.enqueue(json("{\"data\":[]}"));
    try (XSeriesClient c = XSeriesClient.builder().baseUrl(server.url("/").toString()).personalToken(Hostile.XS_TOKEN)
        .clock(time).sleeper(time).maxBodyBytes(4096).build()) {
      assertThatThrownBy(() -> c.products().list().firstPage()).isInstanceOf(ResponseTooLargeException.class);
      assertThat(c.products().list().stream().count()).isEqualTo(2);
    }
  }

  /** A raw loopback server announcing a 2 GiB body, then streaming zeros for as long as it is read. */
  @Test
  void aTwoGigabyteBodyIsRefusedByTheDefaultCapWithoutReadingIt() throws Exception {
    AtomicLong sent = new AtomicLong();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> serveForever(socket, "Content-Length: 2147483648\r\n", sent));
      t.setDaemon(true);
      t.start();
      try (RetailClient c = retail("http://127.0.0.1:" + socket.getLocalPort() + "/", 0)) {
        assertThatThrownBy(() -> c.items().get(1))
            .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
              assertThat(e.limitBytes()).isEqualTo(64L * 1024 * 1024);
              assertThat(e.getMessage()).contains("2147483648");
            });
      }
    }
    assertThat(sent.get()).isLessThan(64L * 1024 * 1024);
  }

  /** The same server without a length: the client stops reading just past the cap. */
  @Test
  void anEndlessBodyWithoutALengthIsCutJustPastTheCap() throws Exception {
    AtomicLong sent = new AtomicLong();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> serveForever(socket, "Connection: close\r\n", sent));
      t.setDaemon(true);
      t.start();
      try (RetailClient c = retail("http://127.0.0.1:" + socket.getLocalPort() + "/", 256 * 1024)) {
        assertThatThrownBy(() -> c.items().get(1))
            .isInstanceOfSatisfying(ResponseTooLargeException.class,
                e -> assertThat(e.getMessage()).contains("more than 262144 bytes"));
      }
    }
    assertThat(sent.get()).isLessThan(16L * 1024 * 1024);
  }

  private static void serveForever(ServerSocket server, String lengthHeader, AtomicLong sent) {
    try (Socket s = server.accept()) {
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      StringBuilder head = new StringBuilder();
      while (!head.toString().contains("\r\n\r\n")) {
        int n = in.read(buf);
        if (n < 0) {
          return;
        }
        head.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + lengthHeader + "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write("{\"Item\":\"".getBytes(StandardCharsets.ISO_8859_1));
      byte[] zeros = new byte[64 * 1024];
      Arrays.fill(zeros, (byte) '0');
      while (true) {
        out.write(zeros);
        sent.addAndGet(zeros.length);
      }
    } catch (IOException closedByTheClient) {
      // the client refused the body and hung up
    }
  }
}
