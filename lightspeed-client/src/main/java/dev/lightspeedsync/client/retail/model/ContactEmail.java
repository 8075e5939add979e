package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An email address of a {@link Contact}; {@code useType} is {@code Primary} or {@code Secondary}
 * (one of each at most).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableContactEmail.class)
public interface ContactEmail {
  @JsonProperty("address")
  @Value.Parameter
  String address();

  @JsonProperty("useType")
  @Value.Parameter
  Optional<String> useType();

  /** An address of the given use type ({@code Primary} or {@code Secondary}). */
  static ContactEmail of(String address, String useType) {
    return ImmutableContactEmail.of(address, Optional.of(useType));
  }
}
