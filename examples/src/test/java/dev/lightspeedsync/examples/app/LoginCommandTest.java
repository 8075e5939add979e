package dev.lightspeedsync.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.client.auth.AuthorizationRequest;
import dev.lightspeedsync.client.retail.RetailOauth;
import dev.lightspeedsync.testkit.LightspeedTestServer;
import dev.lightspeedsync.testkit.ManualTimeSource;
import dev.lightspeedsync.testkit.RetailCredentials;
import dev.lightspeedsync.testkit.TestkitConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code login} against the testkit: the authorize URL, the code, the tokens in --db, the accounts. */
class LoginCommandTest {
  @TempDir
  Path dir;

  final ManualTimeSource time = new ManualTimeSource();
  LightspeedTestServer server;
  RetailCredentials creds;
  InputStream originalIn;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().seed(3).items(10).sales(0).orders(0).unlimited()
        .timeSource(time).build());
    creds = server.retailCredentials();
    originalIn = System.in;
  }

  @AfterEach
  void stop() {
    System.setIn(originalIn);
    server.close();
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("login").toAbsolutePath();
  }

  private List<String> args(String... extra) {
    List<String> args = new ArrayList<>(List.of("login", "--platform", "retail", "--base-url",
        server.retailBaseUrl().toString(), "--client-id", creds.clientId(), "--client-secret", creds.clientSecret(),
        "--redirect-uri", server.retailRedirectUri().toString(), "--db", db()));
    args.addAll(Arrays.asList(extra));
    return args;
  }

  private String storedRefreshToken(long accountId) throws Exception {
    try (Connection c = DriverManager.getConnection(db());
        PreparedStatement ps = c.prepareStatement("SELECT refresh_token FROM ls_oauth_token WHERE account_key = ?")) {
      ps.setString(1, "retail:" + accountId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void aCodeFromTheTestkitsAuthorizeEndpointIsExchangedAndStored() throws Exception {
    AuthorizationRequest request = AuthorizationRequest.of(List.of("employee:all"), "state-1", null);
    String code;
    try (RetailOauth oauth = RetailOauth.builder().clientId(creds.clientId()).baseUrl(server.retailBaseUrl().toString())
        .build()) {
      code = oauth.codeFrom(request, server.retailAuthorize(oauth.authorizationUrl(request)));
    }
    AppRun run = AppRun.of(args("--code", code).toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Accounts this token can reach:", "  " + creds.accountId() + "  Testkit Retail",
        "Tokens saved for account " + creds.accountId());
    String stored = storedRefreshToken(creds.accountId());
    assertThat(stored).isNotBlank().isNotEqualTo(creds.refreshToken());
    assertThat(server.inspect().isRefreshTokenActive(stored)).isTrue();
    assertThat(run.out() + run.err()).doesNotContain(stored).doesNotContain(creds.clientSecret());
  }

  @Test
  void theUrlIsPrintedAndThePastedRedirectIsCheckedAndExchangedWithPkce() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // The "user": reads the URL the app printed, approves at the testkit, pastes the redirected URL.
    System.setIn(new InputStream() {
      byte[] line;
      int pos;

      @Override
      public int read() {
        if (line == null) {
          Matcher m = Pattern.compile("(http://\\S+/auth/oauth/authorize\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
          assertThat(m.find()).as("the authorize URL is printed before the code is read").isTrue();
          URI url = URI.create(m.group(1));
          assertThat(url.getRawQuery()).contains("code_challenge=", "code_challenge_method=S256", "state=",
              "scope=employee%3Ainventory");
          line = (server.retailAuthorize(url) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return pos < line.length ? line[pos++] : -1;
      }
    });
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = LightspeedSyncApp.run(o, e, args("--scope", "employee:inventory").toArray(String[]::new));
    }
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Open this URL", "Tokens saved for account "
        + creds.accountId());
    assertThat(storedRefreshToken(creds.accountId())).isNotBlank();
  }

  @Test
  void anExpiredCodeFailsWithOneLineNamingTheCode() {
    AuthorizationRequest request = AuthorizationRequest.of(List.of("employee:all"), "s", null);
    String code;
    try (RetailOauth oauth = RetailOauth.builder().clientId(creds.clientId()).baseUrl(server.retailBaseUrl().toString())
        .build()) {
      code = oauth.codeFrom(request, server.retailAuthorize(oauth.authorizationUrl(request)));
    }
    time.advance(java.time.Duration.ofSeconds(61));
    AppRun run = AppRun.of(args("--code", code).toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.errLines()).singleElement().asString().contains("authorization code (invalid_grant)");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "--platform ecom | supports --platform retail only",
      "--redirect-uri http://example.com/cb | must be an https URL",
      "--scope inventory | --scope",
      "--code ' ' | --code is blank"})
  void usageErrorsExit2WithOneLine(String option, String message) {
    String[] parts = option.split(" ", 2);
    List<String> a = args();
    int at = a.indexOf(parts[0]);
    String value = parts[1].replace("'", "");
    if (at >= 0) {
      a.set(at + 1, value);
    } else {
      a.add(parts[0]);
      a.add(value);
    }
    AppRun run = AppRun.of(a.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains(message);
  }

  @Test
  void missingOptionsAreNamedInOneLine() {
    AppRun run = AppRun.of("login", "--platform", "retail", "--db", db());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--client-id", "--client-secret", "--redirect-uri");
  }
}
