package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import org.immutables.value.Value;

/**
 * A website of a {@link Contact}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableContactWebsite.class)
public interface ContactWebsite {
  @JsonProperty("url")
  @Value.Parameter
  String url();

  static ContactWebsite of(String url) {
    return ImmutableContactWebsite.of(url);
  }
}
