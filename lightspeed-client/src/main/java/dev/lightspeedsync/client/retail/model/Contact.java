package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.RelationListDeserializer;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The contact data of a customer (also of a shop, vendor or employee): addresses, phones, emails,
 * websites and the opt-outs. Loaded with the {@code Contact} relation; a write response carries it
 * too. Empty lists stand for the API's {@code ""}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableContact.class)
public interface Contact {
  @JsonProperty("Addresses")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ContactAddress> addresses();

  @JsonProperty("Phones")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ContactPhone> phones();

  @JsonProperty("Emails")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ContactEmail> emails();

  /** Website URLs. */
  @JsonProperty("Websites")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ContactWebsite> websites();

  /** The contact opted out of email. */
  @JsonProperty("noEmail")
  @Value.Default
  default boolean noEmail() {
    return false;
  }

  /** The contact opted out of postal mail. */
  @JsonProperty("noMail")
  @Value.Default
  default boolean noMail() {
    return false;
  }

  /** The contact opted out of phone calls. */
  @JsonProperty("noPhone")
  @Value.Default
  default boolean noPhone() {
    return false;
  }

  /** The {@code Primary} email address, else the first one. */
  default Optional<String> primaryEmail() {
    return emails().stream().filter(e -> e.useType().map("Primary"::equalsIgnoreCase).orElse(false)).findFirst()
        .or(() -> emails().stream().findFirst()).map(ContactEmail::address);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Contact}, for example in tests of host code. */
  final class Builder extends ImmutableContact.Builder {}
}
