package dev.lightspeedsync.client.xseries.write;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields of a customer to create ({@code POST /customers}, which needs a first or last name)
 * or update ({@code PUT /customers/{id}}). Only the fields that are set are sent.
 */
@Value.Immutable
public interface CustomerDetails {
  Optional<String> firstName();

  Optional<String> lastName();

  Optional<String> email();

  Optional<String> phone();

  Optional<String> mobile();

  Optional<String> companyName();

  Optional<String> customerCode();

  Optional<String> customerGroupId();

  Optional<String> note();

  Optional<Boolean> doNotEmail();

  Optional<String> physicalAddress1();

  Optional<String> physicalAddress2();

  Optional<String> physicalCity();

  Optional<String> physicalPostcode();

  Optional<String> physicalState();

  Optional<String> physicalCountryId();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CustomerDetails}. */
  final class Builder extends ImmutableCustomerDetails.Builder {}
}
