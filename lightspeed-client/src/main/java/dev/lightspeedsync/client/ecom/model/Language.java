package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A language of the shop, as embedded in orders and webhooks: {@code {id, code, locale, title}}.
 * The {@link #code()} (e.g. {@code nl}, {@code en}, {@code us}) is what the client puts in its URLs.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableLanguage.class)
public interface Language {
  @JsonProperty("id")
  Optional<Long> id();

  @JsonProperty("code")
  Optional<String> code();

  /** The locale, e.g. {@code en_GB}. */
  @JsonProperty("locale")
  Optional<String> locale();

  @JsonProperty("title")
  Optional<String> title();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Language}, for example in tests of host code. */
  final class Builder extends ImmutableLanguage.Builder {}
}
