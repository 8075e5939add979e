package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series webhook subscription. Deliveries are POSTed as a form with a {@code payload} field holding
 * JSON in the API 1.0 shape; they are reliable but not guaranteed, so poll for sync.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableWebhook.class)
public interface Webhook {
  @JsonProperty("id")
  String id();

  @JsonProperty("url")
  Optional<String> url();

  @JsonProperty("active")
  Optional<Boolean> active();

  /** The event, e.g. {@code product.update} or {@code sale.update}. */
  @JsonProperty("type")
  Optional<String> type();

  @JsonProperty("retailer_id")
  Optional<String> retailerId();

  @JsonProperty("user_id")
  Optional<String> userId();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Webhook}, for example in tests of host code. */
  final class Builder extends ImmutableWebhook.Builder {}
}
