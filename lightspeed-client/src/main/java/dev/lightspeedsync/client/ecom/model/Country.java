package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A country as eCom embeds it ({@code {id, code, code3, title}}), for example in a supplier's
 * {@code country_id}, which despite its name is an object.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableCountry.class)
public interface Country {
  @JsonProperty("id")
  Optional<Long> id();

  /** The ISO 3166-1 alpha-2 code, e.g. {@code nl}. */
  @JsonProperty("code")
  Optional<String> code();

  /** The ISO 3166-1 alpha-3 code, e.g. {@code nld}. */
  @JsonProperty("code3")
  Optional<String> code3();

  @JsonProperty("title")
  Optional<String> title();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Country}, for example in tests of host code. */
  final class Builder extends ImmutableCountry.Builder {}
}
