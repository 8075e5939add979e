package dev.lightspeedsync.client.ecom;

import dev.lightspeedsync.client.error.LightspeedException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shop does not know, or has not activated, the language the client was built with: eCom
 * answers every URL of that language with HTTP 404 "Unknown or inactive language". This is a
 * configuration error, not a missing record: it is thrown instead of a
 * {@link dev.lightspeedsync.client.error.NotFoundException} so that sync code never mistakes it for a
 * deletion. Rebuild the client with one of the shop's active language codes (the shop's
 * {@code language.code} values, such as {@code nl}, {@code en} or {@code us}; not ISO locales).
 *
 * <p>Immutable and safe to share between threads.
 */
public class InactiveLanguageException extends LightspeedException {
  private static final long serialVersionUID = 1L;

  private final String language;

  /** Creates the exception; used by the client, public so tests of host code can build one. */
  public InactiveLanguageException(
      String message, String language, int statusCode, @Nullable String requestId, @Nullable String apiMessage,
      @Nullable Throwable cause) {
    super(message, statusCode, requestId, apiMessage, false, cause);
    this.language = Objects.requireNonNull(language, "language == null");
  }

  /** The language code the client used. */
  public String language() {
    return language;
  }
}
