package dev.lightspeedsync.client.retail.write;

import dev.lightspeedsync.client.retail.model.ContactAddress;
import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer to create, with its contact data written nested in the same request (Contact has no
 * endpoint of its own). POST is not idempotent: keep a host key (for example in
 * {@link #company()} or a custom field of your own) and look the customer up before creating it
 * again. Lightspeed creates customers opted out of email, mail and phone unless
 * {@link #noEmail()}, {@link #noMail()} and {@link #noPhone()} are set to false.
 */
@Value.Immutable
public interface NewCustomer {
  Optional<String> firstName();

  Optional<String> lastName();

  Optional<String> company();

  /** The job title. */
  Optional<String> title();

  Optional<String> vatNumber();

  Optional<String> companyRegistrationNumber();

  Optional<Long> customerTypeId();

  /** At most one {@code Primary} and one {@code Secondary}. */
  List<ContactEmail> emails();

  /** At most one per use type. */
  List<ContactPhone> phones();

  List<ContactAddress> addresses();

  Optional<Boolean> noEmail();

  Optional<Boolean> noMail();

  Optional<Boolean> noPhone();

  @Value.Check
  default void check() {
    boolean named = firstName().filter(s -> !s.isBlank()).isPresent() || lastName().filter(s -> !s.isBlank()).isPresent()
        || company().filter(s -> !s.isBlank()).isPresent();
    if (!named) {
      throw new IllegalArgumentException("a customer needs a firstName, lastName or company");
    }
    WriteChecks.contact(emails(), phones());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewCustomer}. */
  final class Builder extends ImmutableNewCustomer.Builder {}
}
