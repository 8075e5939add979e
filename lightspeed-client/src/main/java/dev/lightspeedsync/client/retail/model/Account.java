package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The R-Series account the access token belongs to.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableAccount.class)
public interface Account {
  @JsonProperty("accountID")
  long id();

  @JsonProperty("name")
  Optional<String> name();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Account}, for example in tests of host code. */
  final class Builder extends ImmutableAccount.Builder {}
}
