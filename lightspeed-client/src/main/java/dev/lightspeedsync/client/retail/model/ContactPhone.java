package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A phone number of a {@link Contact}; {@code useType} is {@code Home}, {@code Work},
 * {@code Mobile}, {@code Pager} or {@code Fax} (one of each at most).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableContactPhone.class)
public interface ContactPhone {
  @JsonProperty("number")
  @Value.Parameter
  String number();

  @JsonProperty("useType")
  @Value.Parameter
  Optional<String> useType();

  /** A number of the given use type ({@code Home}, {@code Work}, {@code Mobile}, {@code Pager}, {@code Fax}). */
  static ContactPhone of(String number, String useType) {
    return ImmutableContactPhone.of(number, Optional.of(useType));
  }
}
