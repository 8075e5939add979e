package dev.lightspeedsync.examples.app;

import dev.lightspeedsync.client.auth.AuthorizationRequest;
import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.error.AuthenticationException;
import dev.lightspeedsync.client.retail.RetailClient;
import dev.lightspeedsync.client.retail.RetailOauth;
import dev.lightspeedsync.client.retail.model.Account;
import dev.lightspeedsync.examples.jdbc.ConnectionPool;
import dev.lightspeedsync.examples.jdbc.JdbcTokenStore;
import dev.lightspeedsync.examples.jdbc.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code login}: connects an R-Series account (the OAuth authorization-code flow). It prints the
 * authorize URL (with a state and a PKCE challenge), reads the code the user brings back (pasted
 * code or the whole redirected URL, whose state is checked), exchanges it at once (codes live 60
 * seconds), saves the token pair in the database ({@code ls_oauth_token}, key
 * {@code retail:<accountID>}) and lists the accounts the token reaches. {@code --code} exchanges a
 * code obtained without PKCE from an authorize URL you built yourself.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Connects an R-Series account by OAuth and saves its tokens in --db.",
    description = {"Connects a Lightspeed Retail (R-Series) account: prints the authorize URL, takes the code,",
        "saves the tokens in --db and lists the accounts the token can reach."},
    footer = {"", "Example:",
        "  login --platform retail --client-id ID --client-secret S --redirect-uri https://example.com/callback",
        "Open the printed URL, approve, and paste the code (or the whole URL you were sent to) within 60 seconds.",
        "Then run: sync --platform retail --base-url https://api.lightspeedapp.com/ --account-id <listed id> ..."})
final class LoginCommand implements Callable<Integer> {
  private final PrintStream out;
  private final Supplier<InputStream> in;

  @Option(names = "--platform", description = "retail (R-Series; the only platform with this flow here).")
  String platform;

  @Option(names = "--client-id", defaultValue = "${env:LIGHTSPEED_CLIENT_ID}",
      description = "OAuth client id of your registered application.")
  String clientId;

  @Option(names = "--client-secret", defaultValue = "${env:LIGHTSPEED_CLIENT_SECRET}",
      description = "OAuth client secret.")
  String clientSecret;

  @Option(names = "--redirect-uri",
      description = "The redirect URI registered for the client (HTTPS); a pasted redirected URL must start with it.")
  String redirectUri;

  @Option(names = "--code", description = "An authorization code (from an authorize URL without PKCE); skips the prompt.")
  String code;

  @Option(names = "--scope", split = ",", defaultValue = "employee:all",
      description = "Scopes to request, comma-separated. Default: ${DEFAULT-VALUE}.")
  List<String> scopes;

  @Option(names = "--account-id", description = "The account to save the tokens for when the token reaches several.")
  Long accountId;

  @Option(names = "--base-url", defaultValue = RetailClient.DEFAULT_BASE_URL,
      description = "API origin; the OAuth endpoints default to its /auth/oauth/... when it is not the public API."
          + " Default: ${DEFAULT-VALUE}.")
  String baseUrl;

  @Option(names = "--db", defaultValue = "${env:LIGHTSPEED_SYNC_DB:-" + LightspeedSyncApp.DEFAULT_DB + "}",
      description = {"JDBC URL of the database the tokens are saved in. Default: $LIGHTSPEED_SYNC_DB, else:",
          "  " + LightspeedSyncApp.DEFAULT_DB})
  String db;

  LoginCommand(PrintStream out) {
    this(out, () -> System.in);
  }

  LoginCommand(PrintStream out, Supplier<InputStream> in) {
    this.out = out;
    this.in = in;
  }

  @Override
  public Integer call() {
    List<String> missing = new ArrayList<>();
    if (platform == null) {
      missing.add("--platform retail");
    }
    if (clientId == null || clientId.isBlank()) {
      missing.add("--client-id");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      missing.add("--client-secret");
    }
    if (redirectUri == null || redirectUri.isBlank()) {
      missing.add("--redirect-uri");
    }
    if (!missing.isEmpty()) {
      throw new AppException(2, "login needs " + String.join(", ", missing) + " (see login --help)");
    }
    if (!"retail".equals(platform.toLowerCase(Locale.ROOT))) {
      throw new AppException(2, "login supports --platform retail only (eCom uses an API key and secret)");
    }
    URI redirect = redirect();
    AuthorizationRequest request;
    try {
      request = AuthorizationRequest.create(scopes);
    } catch (IllegalArgumentException e) {
      throw new AppException(2, "--scope: " + e.getMessage());
    }
    try (RetailOauth oauth = oauth()) {
      String theCode;
      AuthorizationRequest exchanged;
      if (code != null) {
        if (code.isBlank()) {
          throw new AppException(2, "--code is blank");
        }
        theCode = code.strip();
        exchanged = AuthorizationRequest.of(scopes, request.state(), null); // the code was issued without PKCE
      } else {
        out.println("Open this URL, sign in to Lightspeed Retail and approve the access:");
        out.println(oauth.authorizationUrl(request));
        out.print("Paste the code, or the whole URL you were redirected to (it is valid for 60 seconds): ");
        out.flush();
        theCode = codeFromInput(oauth, request, redirect);
        exchanged = request;
      }
      TokenPair tokens = oauth.exchange(exchanged, theCode);
      List<Account> accounts = oauth.accounts(tokens);
      Account target = target(accounts);
      try (ConnectionPool pool = open()) {
        Schema.migrate(pool);
        JdbcTokenStore.open(pool, "retail:" + target.id(), tokens, Clock.systemUTC());
      }
      out.println("Accounts this token can reach:");
      for (Account a : accounts) {
        out.printf(Locale.ROOT, "  %d  %s%n", a.id(), a.name().orElse(""));
      }
      out.printf(Locale.ROOT, "Tokens saved for account %d in %s%n", target.id(), redact(db));
      return 0;
    } catch (AuthenticationException e) {
      throw new AppException(3, "login failed: " + LightspeedSyncApp.oneLine(e.getMessage()));
    }
  }

  private URI redirect() {
    URI uri;
    try {
      uri = URI.create(redirectUri);
    } catch (IllegalArgumentException e) {
      throw new AppException(2, "--redirect-uri is not a URI: " + redirectUri);
    }
    boolean loopback = "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost())
        || "127.0.0.1".equals(uri.getHost()));
    if (!"https".equals(uri.getScheme()) && !loopback) {
      throw new AppException(2, "--redirect-uri must be an https URL (Lightspeed requires HTTPS), not " + redirectUri);
    }
    return uri;
  }

  private RetailOauth oauth() {
    try {
      return RetailOauth.builder().clientId(clientId).clientSecret(clientSecret)
          .baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/").build();
    } catch (IllegalArgumentException e) {
      throw new AppException(2, e.getMessage());
    }
  }

  private String codeFromInput(RetailOauth oauth, AuthorizationRequest request, URI redirect) {
    String line;
    try {
      line = new BufferedReader(new InputStreamReader(in.get(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new AppException(2, "cannot read the code from standard input: " + e.getMessage());
    }
    out.println();
    if (line == null || line.isBlank()) {
      throw new AppException(2, "no code given: paste it when asked, or pass --code");
    }
    String given = line.strip();
    if (!given.contains("://")) {
      return given;
    }
    URI pasted;
    try {
      pasted = URI.create(given);
    } catch (IllegalArgumentException e) {
      throw new AppException(2, "the pasted URL is not a URL");
    }
    String expected = redirect.getScheme() + "://" + redirect.getAuthority() + redirect.getPath();
    String actual = pasted.getScheme() + "://" + pasted.getAuthority() + pasted.getPath();
    if (!actual.equals(expected)) {
      throw new AppException(2, "the pasted URL does not start with --redirect-uri " + expected);
    }
    return oauth.codeFrom(request, pasted);
  }

  private Account target(List<Account> accounts) {
    if (accounts.isEmpty()) {
      throw new AppException(3, "the token reaches no account; check the scopes and the user who approved");
    }
    if (accountId != null) {
      return accounts.stream().filter(a -> a.id() == accountId).findFirst().orElseThrow(() -> new AppException(2,
          "--account-id " + accountId + " is not reachable with this token; it reaches " + ids(accounts)));
    }
    if (accounts.size() > 1) {
      throw new AppException(2, "the token reaches several accounts (" + ids(accounts) + "): pass --account-id");
    }
    return accounts.get(0);
  }

  private static String ids(List<Account> accounts) {
    List<String> ids = new ArrayList<>();
    accounts.forEach(a -> ids.add(Long.toString(a.id())));
    return String.join(", ", ids);
  }

  /** The JDBC URL without its parameters (which may hold a password). */
  private static String redact(String jdbcUrl) {
    int cut = jdbcUrl.length();
    for (char c : new char[] {';', '?'}) {
      int i = jdbcUrl.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return jdbcUrl.substring(0, cut);
  }

  private ConnectionPool open() {
    try {
      return ConnectionPool.open(db);
    } catch (IllegalArgumentException e) {
      throw new AppException(1, e.getMessage());
    }
  }
}
