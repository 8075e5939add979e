package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A register of a shop. The account's register count sets its rate-limit allowance.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableRegister.class)
public interface Register {
  @JsonProperty("registerID")
  long id();

  @JsonProperty("name")
  Optional<String> name();

  @JsonProperty("open")
  @Value.Default
  default boolean open() {
    return false;
  }

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("shopID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> shopId();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Register}, for example in tests of host code. */
  final class Builder extends ImmutableRegister.Builder {}
}
