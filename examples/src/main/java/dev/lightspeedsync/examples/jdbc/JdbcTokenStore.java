package dev.lightspeedsync.examples.jdbc;

import dev.lightspeedsync.client.auth.TokenPair;
import dev.lightspeedsync.client.auth.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps an account's OAuth token pair in the database ({@code ls_oauth_token}), so that a refresh
 * token rotated by one run is the one the next run uses. R-Series refresh tokens rotate on every
 * refresh: a pair that is not saved before use breaks the connection until the user re-authorises.
 *
 * <p>{@link #open} reconciles the stored pair with the one given on the command line: the stored
 * (rotated) pair wins while the command line repeats the refresh token it was first given, and a
 * <em>different</em> refresh token on the command line (the user re-authorised) replaces it. Only a
 * SHA-256 of the given refresh token is kept for that comparison.
 *
 * <p>Tokens are stored as plain text: protect the database file, or encrypt the columns in your
 * own store. Nothing here logs or prints a token. Thread-safe.
 */
public final class JdbcTokenStore implements TokenStore {
  private final ConnectionSource db;
  private final String accountKey;
  private final Clock clock;

  private JdbcTokenStore(ConnectionSource db, String accountKey, Clock clock) {
    this.db = db;
    this.accountKey = accountKey;
    this.clock = clock;
  }

  /**
   * The store of {@code accountKey} (for example {@code retail:123456}).
   *
   * @param given the pair from the command line or the environment, or null to use only the stored one
   * @throws IllegalStateException when neither a stored nor a given pair exists
   */
  public static JdbcTokenStore open(ConnectionSource db, String accountKey, TokenPair given, Clock clock) {
    Objects.requireNonNull(db, "db == null");
    Objects.requireNonNull(accountKey, "accountKey == null");
    JdbcTokenStore store = new JdbcTokenStore(db, accountKey, clock);
    Optional<Stored> stored = store.stored();
    if (given != null) {
      String givenHash = sha256(given.refreshToken());
      if (stored.isEmpty() || !givenHash.equals(stored.get().givenRefreshSha256)) {
        store.write(given, givenHash);
      }
    } else if (stored.isEmpty()) {
      throw new IllegalStateException("no OAuth tokens for " + accountKey
          + " in the database: pass --refresh-token (and --client-id/--client-secret) once");
    }
    return store;
  }

  @Override
  public Optional<TokenPair> load() {
    return stored().map(s -> s.pair);
  }

  @Override
  public void save(TokenPair pair) {
    Objects.requireNonNull(pair, "pair == null");
    write(pair, null);
  }

  private record Stored(TokenPair pair, String givenRefreshSha256) {}

  private Optional<Stored> stored() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT access_token, refresh_token, expires_at,"
            + " given_refresh_sha256 FROM ls_oauth_token WHERE account_key = ?")) {
      ps.setString(1, accountKey);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Instant expires = JdbcSyncSink.instant(rs, "expires_at");
        TokenPair pair = expires == null ? TokenPair.withoutExpiry(rs.getString(1), rs.getString(2))
            : TokenPair.of(rs.getString(1), rs.getString(2), expires);
        return Optional.of(new Stored(pair, rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the OAuth tokens of " + accountKey + ": " + e.getMessage(), e);
    }
  }

  /** Upserts the pair; {@code givenHash} null keeps the stored hash of the given token. */
  private void write(TokenPair pair, String givenHash) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("MERGE INTO ls_oauth_token t USING (SELECT"
            + " CAST(? AS VARCHAR(255)) AS account_key, CAST(? AS VARCHAR(4000)) AS access_token,"
            + " CAST(? AS VARCHAR(4000)) AS refresh_token, CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS expires_at,"
            + " CAST(? AS VARCHAR(64)) AS given_refresh_sha256, CAST(? AS TIMESTAMP(9) WITH TIME ZONE) AS saved_at) s"
            + " ON t.account_key = s.account_key"
            + " WHEN MATCHED THEN UPDATE SET access_token = s.access_token, refresh_token = s.refresh_token,"
            + " expires_at = s.expires_at, saved_at = s.saved_at,"
            + " given_refresh_sha256 = COALESCE(s.given_refresh_sha256, t.given_refresh_sha256)"
            + " WHEN NOT MATCHED THEN INSERT (account_key, access_token, refresh_token, expires_at,"
            + " given_refresh_sha256, saved_at) VALUES (s.account_key, s.access_token, s.refresh_token,"
            + " s.expires_at, s.given_refresh_sha256, s.saved_at)")) {
      ps.setString(1, accountKey);
      ps.setString(2, pair.accessToken());
      ps.setString(3, pair.refreshToken());
      JdbcSyncSink.setInstant(ps, 4, pair.expiresAt().orElse(null));
      ps.setString(5, givenHash);
      JdbcSyncSink.setInstant(ps, 6, clock.instant());
      ps.executeUpdate();
    } catch (SQLException e) {
      // Throwing aborts the refresh: the client never uses a pair that was not saved.
      throw new IllegalStateException("cannot save the OAuth tokens of " + accountKey + ": " + e.getMessage(), e);
    }
  }

  /** A short, stable, non-reversible fingerprint of {@code value} (12 hex digits of its SHA-256). */
  public static String fingerprint(String value) {
    return sha256(value).substring(0, 12);
  }

  static String sha256(String value) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "JdbcTokenStore{" + accountKey + "}";
  }
}
