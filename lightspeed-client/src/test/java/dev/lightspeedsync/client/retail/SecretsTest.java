package dev.lightspeedsync.client.retail;

import dev.lightspeedsync.client.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeedsync.client.auth.OauthClientCredentials;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import dev.lightspeedsync.client.error.LightspeedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** No token, secret or Authorization header in any log line, exception message or toString(). */
class SecretsTest {
  private static final String CLIENT_SECRET = "cs-SECRET-4711";
  private static final String ACCESS = "at-SECRET-0815";
  private static final String REFRESH = "rt-SECRET-1234";
  private static final String NEW_ACCESS = "at-SECRET-NEW-9999";
  private static final String NEW_REFRESH = "rt-SECRET-NEW-5555";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS, REFRESH, NEW_ACCESS, NEW_REFRESH, "SECRET");

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void secretsNeverAppearInLogsMessagesOrToString() throws Exception {
    FakeTime time = new FakeTime();
    server.setDispatcher(new Dispatcher() {
      int tokenCalls;

      @Override
      public synchronized MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/auth/oauth/token")) {
          if (tokenCalls++ == 0) {
            return new MockResponse.Builder().code(200).body("{\"access_token\":\"" + NEW_ACCESS
                + "\",\"refresh_token\":\"" + NEW_REFRESH + "\",\"expires_in\":3600}").build();
          }
          // an auth server echoing the secret back in its error must not leak it either
          return new MockResponse.Builder().code(401).body("{\"error\":\"invalid_client\"}").build();
        }
        if (request.getUrl().encodedPath().equals("/API/V3/Account.json")) {
          return Json.ok("{\"Account\":{\"accountID\":\"1\",\"name\":\"Shop\"}}");
        }
        if (request.getUrl().encodedPath().endsWith("/Item/1.json")) {
          return Json.ok("{\"Item\":" + Json.item(1) + "}");
        }
        if (request.getUrl().encodedPath().endsWith("/Item/2.json")) {
          return new MockResponse.Builder().code(401).body("{\"error\":\"access_denied\"}").build();
        }
        return new MockResponse.Builder().code(500).body("{\"message\":\"boom\"}").build();
      }
    });
    TokenStore store = TokenStore.inMemory(TokenPair.of(ACCESS, REFRESH, time.instant().minusSeconds(1)));
    OauthClientCredentials credentials = OauthClientCredentials.of("client-id", CLIENT_SECRET);
    List<String> texts = new ArrayList<>();
    try (RetailClient client = RetailClient.builder().accountId(1).baseUrl(server.url("/").toString())
        .oauth(credentials, store).clock(time).sleeper(time).build()) {
      client.items().get(1); // refresh happens, logged at DEBUG
      List<Throwable> failures = new ArrayList<>();
      for (long id : new long[] {2, 3}) {
        try {
          client.items().get(id);
        } catch (LightspeedException e) {
          failures.add(e);
        }
      }
      assertThat(failures).hasSize(2);
      for (Throwable t : failures) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
      }
      texts.add(client.toString());
      texts.add(store.toString());
      texts.add(store.load().orElseThrow().toString());
      texts.add(credentials.toString());
      texts.add(TokenPair.withoutExpiry(ACCESS, REFRESH).toString());
    }
    assertThatThrownBy(() -> OauthClientCredentials.of("id", " ")).satisfies(e -> texts.add(e.getMessage()));

    Path log = Path.of("target/client-test.log");
    String logText = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(logText).contains("access token refreshed"); // the capture works
    texts.add(logText);

    for (String text : texts) {
      for (String secret : SECRETS) {
        assertThat(text).as("text must not contain a secret").doesNotContain(secret);
      }
      assertThat(text).doesNotContain("Bearer ");
    }
  }
}
