package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series outlet: a store location with its own registers, stock and time zone (use
 * {@link #timeZone()} to bucket its sales by local day).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableOutlet.class)
public interface Outlet {
  @JsonProperty("id")
  String id();

  @JsonProperty("name")
  Optional<String> name();

  /** The outlet's IANA time zone, e.g. {@code Pacific/Auckland}. */
  @JsonProperty("time_zone")
  Optional<String> timeZone();

  @JsonProperty("default_tax_id")
  Optional<String> defaultTaxId();

  @JsonProperty("currency")
  Optional<String> currency();

  @JsonProperty("currency_symbol")
  Optional<String> currencySymbol();

  @JsonProperty("display_prices")
  Optional<String> displayPrices();

  @JsonProperty("physical_address_1")
  Optional<String> physicalAddress1();

  @JsonProperty("physical_address_2")
  Optional<String> physicalAddress2();

  @JsonProperty("physical_suburb")
  Optional<String> physicalSuburb();

  @JsonProperty("physical_city")
  Optional<String> physicalCity();

  @JsonProperty("physical_postcode")
  Optional<String> physicalPostcode();

  @JsonProperty("physical_state")
  Optional<String> physicalState();

  @JsonProperty("physical_country_id")
  Optional<String> physicalCountryId();

  @JsonProperty("email")
  Optional<String> email();

  /** When the record was deleted; present only on lists read with deleted records included. */
  @JsonProperty("deleted_at")
  Optional<Instant> deletedAt();

  /** The global version of the record's last change: the incremental bookmark. */
  @JsonProperty("version")
  Optional<Long> version();

  /** Whether the record is deleted (it has a {@code deleted_at}). */
  default boolean deleted() {
    return deletedAt().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Outlet}, for example in tests of host code. */
  final class Builder extends ImmutableOutlet.Builder {}
}
