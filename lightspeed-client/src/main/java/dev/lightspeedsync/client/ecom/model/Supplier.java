package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An eCom supplier. Unlike the rest of the API this resource uses snake_case fields
 * ({@code attention_of}, {@code zip_code}, {@code country_id}); they are mapped to the usual Java
 * names here.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSupplier.class)
public interface Supplier {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  @JsonProperty("title")
  Optional<String> title();

  @JsonProperty("attention_of")
  Optional<String> attentionOf();

  @JsonProperty("street")
  Optional<String> street();

  @JsonProperty("street2")
  Optional<String> street2();

  @JsonProperty("number")
  Optional<String> number();

  @JsonProperty("extension")
  Optional<String> extension();

  @JsonProperty("zip_code")
  Optional<String> zipCode();

  @JsonProperty("city")
  Optional<String> city();

  @JsonProperty("region")
  Optional<String> region();

  /** The country ({@code country_id} on the wire, an object despite its name). */
  @JsonProperty("country_id")
  Optional<Country> country();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Supplier}, for example in tests of host code. */
  final class Builder extends ImmutableSupplier.Builder {}
}
