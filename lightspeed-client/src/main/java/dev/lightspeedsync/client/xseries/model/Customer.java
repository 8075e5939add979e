package dev.lightspeedsync.client.xseries.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An X-Series customer.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableCustomer.class)
public interface Customer {
  @JsonProperty("id")
  String id();

  @JsonProperty("customer_code")
  Optional<String> customerCode();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("first_name")
  Optional<String> firstName();

  @JsonProperty("last_name")
  Optional<String> lastName();

  @JsonProperty("email")
  Optional<String> email();

  @JsonProperty("phone")
  Optional<String> phone();

  @JsonProperty("mobile")
  Optional<String> mobile();

  @JsonProperty("company_name")
  Optional<String> companyName();

  @JsonProperty("customer_group_id")
  Optional<String> customerGroupId();

  @JsonProperty("note")
  Optional<String> note();

  @JsonProperty("do_not_email")
  Optional<Boolean> doNotEmail();

  @JsonProperty("enable_loyalty")
  Optional<Boolean> enableLoyalty();

  @JsonProperty("balance")
  Optional<BigDecimal> balance();

  @JsonProperty("loyalty_balance")
  Optional<BigDecimal> loyaltyBalance();

  @JsonProperty("year_to_date")
  Optional<BigDecimal> yearToDate();

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

  @JsonProperty("created_at")
  Optional<Instant> createdAt();

  @JsonProperty("updated_at")
  Optional<Instant> updatedAt();

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

  /** Builds a {@link Customer}, for example in tests of host code. */
  final class Builder extends ImmutableCustomer.Builder {}
}
