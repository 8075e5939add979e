package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An image file of an eCom product: the inline {@code image} of a {@link Product} (no id) or one of
 * its {@code productImages} (with id and sort order), e.g.
 * {@code {"id":13219897,"sortOrder":1,"extension":"jpg","size":86649,"title":"image",
 * "thumb":"https://cdn.shoplightspeed.com/.../50x50x2/image.jpg","src":"https://cdn.shoplightspeed.com/.../image.jpg"}}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableImage.class)
public interface Image {
  /** The image id (only on {@code productImages}). */
  @JsonProperty("id")
  Optional<Long> id();

  /** The position among the product's images, 1 first. */
  @JsonProperty("sortOrder")
  Optional<Long> sortOrder();

  @JsonProperty("createdAt")
  Optional<Instant> createdAt();

  @JsonProperty("updatedAt")
  Optional<Instant> updatedAt();

  /** The file extension, e.g. {@code jpg}. */
  @JsonProperty("extension")
  Optional<String> extension();

  /** The file size in bytes. */
  @JsonProperty("size")
  Optional<Long> size();

  @JsonProperty("title")
  Optional<String> title();

  /** The URL of a small thumbnail. */
  @JsonProperty("thumb")
  Optional<String> thumb();

  /** The URL of the full-size image. */
  @JsonProperty("src")
  Optional<String> src();

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Image}, for example in tests of host code. */
  final class Builder extends ImmutableImage.Builder {}
}
