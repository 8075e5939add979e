package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One component of an assembly or box item: {@link #quantity()} units of {@link #componentItemId()} per one {@link #assemblyItemId()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableItemComponent.class)
public interface ItemComponent {
  @JsonProperty("itemComponentID")
  long id();

  @JsonProperty("assemblyItemID")
  long assemblyItemId();

  @JsonProperty("componentItemID")
  long componentItemId();

  @JsonProperty("quantity")
  @Value.Default
  default BigDecimal quantity() {
    return BigDecimal.ZERO;
  }

  @JsonProperty("componentGroup")
  Optional<Long> componentGroup();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ItemComponent}, for example in tests of host code. */
  final class Builder extends ImmutableItemComponent.Builder {}
}
