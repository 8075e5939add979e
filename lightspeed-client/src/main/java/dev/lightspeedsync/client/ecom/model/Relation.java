package dev.lightspeedsync.client.ecom.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.ecom.RelationDeserializer;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A link from one eCom record to another, as the API writes it:
 * {@code {"resource":{"id":1171202,"url":"brands/1171202","link":"https://.../brands/1171202.json"}}}.
 * A to-one link has an {@link #id()}; a to-many link (a product's variants, an order's products)
 * has no id and its {@link #url()} carries a filter such as {@code variants?product=123}. Fields
 * holding {@code false} or {@code ""} instead of a relation (no brand, no supplier) read as an empty
 * {@code Optional<Relation>}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(using = RelationDeserializer.class)
public interface Relation {
  /** The id of the linked record; empty for to-many links. */
  Optional<Long> id();

  /** The API path of the linked record or list, relative to the language, e.g. {@code brands/1171202}. */
  Optional<String> url();

  /** The absolute API URL of the linked record or list. */
  Optional<String> link();

  /**
   * The inlined record or records as JSON text, when Lightspeed embedded them (webhook payloads and
   * some single-record reads do; plain list responses usually do not).
   */
  Optional<String> embeddedJson();

  /** True for a to-many link (no id), such as a product's variants. */
  default boolean isToMany() {
    return id().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Relation}, for example in tests of host code. */
  final class Builder extends ImmutableRelation.Builder {}
}
