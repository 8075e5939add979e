package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.ClientListener;
import dev.lightspeedsync.client.RetryConfig;
import dev.lightspeedsync.client.error.LightspeedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Neither the API key, its secret nor the Authorization header appear in logs, messages, events or toString(). */
class EcomSecretsTest {
  private static final String API_KEY = "ecomkey4711SECRETkey000000000000";
  private static final String API_SECRET = "ecomsecret0815SECRETsecret000000";
  private static final String BASIC =
      Base64.getEncoder().encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void secretsNeverAppearInLogsMessagesOrToString() throws Exception {
    FakeTime time = new FakeTime();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.endsWith("/products/1.json")) {
          return EcomJsonBodies.ok("{\"product\":{\"id\":1,\"visibility\":\"visible\"}}");
        }
        if (path.endsWith("/products/2.json")) {
          return EcomJsonBodies.status(401, EcomJsonBodies.error(401, "Invalid credentials"));
        }
        if (path.endsWith("/products/3.json")) {
          return new MockResponse.Builder().code(429).addHeader("X-RateLimit-Remaining", "-1/10/10")
              .addHeader("X-RateLimit-Limit", "300/3000/12000").addHeader("X-RateLimit-Reset", "100000/2000/20000").build();
        }
        if (path.startsWith("/xx/")) {
          return EcomJsonBodies.status(404, EcomJsonBodies.error(404, "Unknown or inactive language"));
        }
        return EcomJsonBodies.status(500, EcomJsonBodies.error(500, "boom"));
      }
    });
    List<String> texts = new ArrayList<>();
    ClientListener recorder = new ClientListener() {
      @Override
      public void onResponse(String method, String path, int status, Duration duration) {
        texts.add(method + " " + path + " " + status);
      }

      @Override
      public void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {
        texts.add(method + " " + path + " " + cause);
      }
    };
    EcomClient.Builder builder = EcomClient.builder().baseUrl(server.url("/").toString()).language("nl")
        .credentials(API_KEY, API_SECRET).clock(time).sleeper(time).listener(recorder)
        .retry(RetryConfig.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(10), Duration.ofMillis(20)));
    texts.add(builder.toString());
    List<Throwable> failures = new ArrayList<>();
    try (EcomClient client = builder.build();
        EcomClient wrongLanguage = builder.language("xx").build()) {
      client.products().get(1);
      for (long id : new long[] {2, 3, 4}) {
        try {
          client.products().get(id);
        } catch (LightspeedException e) {
          failures.add(e);
        }
      }
      try {
        wrongLanguage.products().count();
      } catch (LightspeedException e) {
        failures.add(e);
      }
      texts.add(client.toString());
      texts.add(wrongLanguage.toString());
      texts.add(String.valueOf(client.rateLimit()));
    }
    assertThat(failures).hasSize(4);
    for (Throwable t : failures) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
    }
    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Basic " + BASIC); // the header was really sent

    String logText = Files.readString(Path.of("target/client-test.log"), StandardCharsets.UTF_8);
    assertThat(logText).contains("GET /nl/products/1.json"); // the capture works
    texts.add(logText);

    for (String text : texts) {
      assertThat(text).as("text must not contain a secret")
          .doesNotContain(API_KEY).doesNotContain(API_SECRET).doesNotContain(BASIC).doesNotContain("SECRET")
          .doesNotContain("Basic ");
    }
  }
}
