package dev.lightspeedsync.client.internal.ecom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeedsync.client.ecom.model.Relation;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads an eCom relation: {@code {"resource":{"id":1,"url":"brands/1","link":"https://..."}}},
 * {@code id} being {@code false} for to-many links; {@code false}, {@code ""} or null for none
 * (read as absent). An {@code embedded} member, when present, is kept as JSON text.
 */
public final class RelationDeserializer extends JsonDeserializer<Relation> {
  @Override
  public @Nullable Relation deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (EcomJson.isEmptyMarker(p)) {
      return null;
    }
    JsonNode node = p.readValueAsTree();
    if (node == null || !node.isObject()) {
      return (Relation) ctxt.handleUnexpectedToken(Relation.class, p);
    }
    JsonNode resource = node.has("resource") ? node.get("resource") : node;
    if (resource == null || !resource.isObject()) {
      return null; // {"resource": false}
    }
    Relation.Builder b = Relation.builder();
    JsonNode id = resource.get("id");
    if (id != null && (id.isIntegralNumber() || (id.isTextual() && id.asText().trim().matches("[0-9]+")))) {
      long v = id.asLong();
      if (v > 0) {
        b.id(v);
      }
    }
    text(resource.get("url")).ifPresent(b::url);
    text(resource.get("link")).ifPresent(b::link);
    JsonNode embedded = resource.has("embedded") ? resource.get("embedded") : node.get("embedded");
    if (embedded != null && (embedded.isObject() || embedded.isArray())) {
      b.embeddedJson(embedded.toString());
    }
    return b.build();
  }

  private static java.util.Optional<String> text(@Nullable JsonNode n) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(n.asText());
  }
}
