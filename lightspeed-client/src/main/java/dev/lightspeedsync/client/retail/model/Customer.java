package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer. Names, emails, phones and addresses live in its {@link #contact()}, filled when the
 * {@code Contact} relation is loaded ({@code loadRelations("Contact")}) and in every write response.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableCustomer.class)
public interface Customer {
  @JsonProperty("customerID")
  long id();

  @JsonProperty("firstName")
  Optional<String> firstName();

  @JsonProperty("lastName")
  Optional<String> lastName();

  @JsonProperty("company")
  Optional<String> company();

  /** The customer's job title. */
  @JsonProperty("title")
  Optional<String> title();

  @JsonProperty("vatNumber")
  Optional<String> vatNumber();

  @JsonProperty("companyRegistrationNumber")
  Optional<String> companyRegistrationNumber();

  /** Date of birth, as a time (Lightspeed stores it as a datetime). */
  @JsonProperty("dob")
  Optional<Instant> dateOfBirth();

  /** Empty unless the {@code Contact} relation was loaded (or the record came from a write). */
  @JsonProperty("Contact")
  Optional<Contact> contact();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("customerTypeID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> customerTypeId();

  @JsonProperty("taxCategoryID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> taxCategoryId();

  @JsonProperty("discountID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> discountId();

  @JsonProperty("creditAccountID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> creditAccountId();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  /** The contact's primary email address, if the contact was loaded and has one. */
  default Optional<String> email() {
    return contact().flatMap(Contact::primaryEmail).filter(e -> !e.isBlank());
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Customer}, for example in tests of host code. */
  final class Builder extends ImmutableCustomer.Builder {}
}
