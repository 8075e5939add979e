package dev.lightspeedsync.client.retail.write;

import dev.lightspeedsync.client.retail.model.ContactAddress;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Changes to a customer ({@code PUT Customer/{id}}, a partial update): fields left empty keep their
 * values. A non-empty {@link #emails()}, {@link #phones()} or {@link #addresses()} list replaces
 * that part of the contact; an empty list leaves it as it is.
 */
@Value.Immutable
public interface CustomerUpdate {
  Optional<String> firstName();

  Optional<String> lastName();

  Optional<String> company();

  Optional<String> title();

  Optional<String> vatNumber();

  Optional<String> companyRegistrationNumber();

  Optional<Long> customerTypeId();

  List<ContactEmail> emails();

  List<ContactPhone> phones();

  List<ContactAddress> addresses();

  Optional<Boolean> noEmail();

  Optional<Boolean> noMail();

  Optional<Boolean> noPhone();

  /** {@code false} unarchives the customer; archive with a DELETE instead. */
  Optional<Boolean> archived();

  @Value.Check
  default void check() {
    if (archived().orElse(false)) {
      throw new IllegalArgumentException("archived=true cannot be set by an update; archive the customer with DELETE");
    }
    WriteChecks.contact(emails(), phones());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerUpdate}. */
  final class Builder extends ImmutableCustomerUpdate.Builder {}
}
