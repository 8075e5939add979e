package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A webhook subscription: Lightspeed calls {@link #address()} when a record of
 * {@link #itemGroup()} (e.g. {@code orders}) sees {@link #itemAction()} ({@code created},
 * {@code updated}, {@code deleted} or {@code *}). Parse the calls with
 * {@code dev.lightspeedsync.client.ecom.WebhookDelivery}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableWebhook.class)
public interface Webhook {
  @JsonProperty("id")
  long id();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  @JsonProperty("isActive")
  Optional<Boolean> active();

  @JsonProperty("itemGroup")
  Optional<String> itemGroup();

  @JsonProperty("itemAction")
  Optional<String> itemAction();

  /** The language the payloads are written in. */
  @JsonProperty("language")
  Optional<Language> language();

  /** {@code json} or {@code xml}. */
  @JsonProperty("format")
  Optional<String> format();

  /** The URL Lightspeed calls (the wire name is {@code address}, not {@code url}). */
  @JsonProperty("address")
  Optional<String> address();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Webhook}, for example in tests of host code. */
  final class Builder extends ImmutableWebhook.Builder {}
}
