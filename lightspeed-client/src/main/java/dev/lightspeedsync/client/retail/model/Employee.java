package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An employee; sales exported to R-Series are made by a configured employee.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableEmployee.class)
public interface Employee {
  @JsonProperty("employeeID")
  long id();

  @JsonProperty("firstName")
  Optional<String> firstName();

  @JsonProperty("lastName")
  Optional<String> lastName();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("lockOut")
  @Value.Default
  default boolean lockOut() {
    return false;
  }

  @JsonProperty("limitToShopID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> limitToShopId();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Employee}, for example in tests of host code. */
  final class Builder extends ImmutableEmployee.Builder {}
}
