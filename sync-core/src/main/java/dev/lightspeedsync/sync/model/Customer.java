package dev.lightspeedsync.sync.model;

import dev.lightspeedsync.sync.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer with contact data (seed 002: "Customers in Lightspeed are imported into Unleashed
 * automatically"): an R-Series Customer with its Contact, an X-Series customer. A customer deleted
 * or archived at the source is stored inactive, never erased (sales refer to it). Immutable,
 * thread-safe.
 */
@Value.Immutable
public interface Customer extends WithCustomer {
  /** The platform's id. */
  String id();

  /** The customer code or number, when the platform has one (X-Series {@code customer_code}). */
  Optional<String> code();

  Optional<String> firstName();

  Optional<String> lastName();

  Optional<String> company();

  /** The primary e-mail address. */
  Optional<String> email();

  /** The primary phone number. */
  Optional<String> phone();

  /** Street and number of the primary address. */
  Optional<String> street();

  Optional<String> city();

  Optional<String> postalCode();

  /** State or province. */
  Optional<String> region();

  /** Country, as the platform gives it (a code or a name). */
  Optional<String> country();

  Optional<Instant> updatedAt();

  /** False when the customer was deleted or archived at the source. */
  @Value.Default
  default boolean active() {
    return true;
  }

  /** A display name: the company, else first and last name, else the id. */
  default String displayName() {
    String person = (firstName().orElse("") + " " + lastName().orElse("")).strip();
    return company().filter(c -> !c.isBlank()).orElse(person.isEmpty() ? "Customer " + id() : person);
  }

  static Builder builder() {
    return new Builder();
  }

  @Value.Check
  default void check() {
    Checks.notBlank("Customer", "id", id());
  }

  /** Builds a {@link Customer}; not thread-safe. */
  final class Builder extends ImmutableCustomer.Builder {}
}
