package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer.
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

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("customerTypeID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> customerTypeId();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Customer}, for example in tests of host code. */
  final class Builder extends ImmutableCustomer.Builder {}
}
