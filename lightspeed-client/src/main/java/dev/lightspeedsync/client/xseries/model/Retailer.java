package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The X-Series retailer (store account) behind the token: its domain prefix, currency, default time zone
 * and whether prices are tax-exclusive.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableRetailer.class)
public interface Retailer {
  @JsonProperty("id")
  String id();

  @JsonProperty("domain_prefix")
  Optional<String> domainPrefix();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("store_url")
  Optional<String> storeUrl();

  @JsonProperty("account_status")
  Optional<String> accountStatus();

  @JsonProperty("culture")
  Optional<String> culture();

  @JsonProperty("country")
  Optional<String> country();

  /** The retailer's default IANA time zone (outlets may differ); the spec types it as an object, a name is read from either shape. */
  @JsonProperty("timezone")
  @JsonDeserialize(contentUsing = dev.lightspeedsync.client.internal.xseries.XSeriesJson.ZoneNameDeserializer.class)
  Optional<String> timezone();

  @JsonProperty("tax_exclusive")
  Optional<Boolean> taxExclusive();

  /** The currency code, e.g. {@code NZD}; read from a code or from the spec's currency object. */
  @JsonProperty("currency")
  @JsonDeserialize(contentUsing = dev.lightspeedsync.client.internal.xseries.XSeriesJson.CodeDeserializer.class)
  Optional<String> currency();

  @JsonProperty("created_at")
  Optional<Instant> createdAt();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Retailer}, for example in tests of host code. */
  final class Builder extends ImmutableRetailer.Builder {}
}
