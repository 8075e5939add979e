package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A vendor's own code (vendor SKU) and cost for an item.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableItemVendorNum.class)
public interface ItemVendorNum {
  @JsonProperty("itemVendorNumID")
  long id();

  @JsonProperty("itemID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> itemId();

  @JsonProperty("vendorID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> vendorId();

  @JsonProperty("value")
  Optional<String> value();

  @JsonProperty("cost")
  Optional<BigDecimal> cost();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ItemVendorNum}, for example in tests of host code. */
  final class Builder extends ImmutableItemVendorNum.Builder {}
}
