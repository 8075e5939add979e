package dev.lightspeedsync.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an R-Series relation list in any of its shapes: {@code {"ItemShops":{"ItemShop":[...]}}},
 * the same with a single object instead of an array, a bare array or object, {@code ""} or null
 * for "none". Always yields a list.
 */
public final class RelationListDeserializer extends JsonDeserializer<List<?>> implements ContextualDeserializer {
  private final @Nullable JavaType elementType;

  public RelationListDeserializer() {
    this(null);
  }

  private RelationListDeserializer(@Nullable JavaType elementType) {
    this.elementType = elementType;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property)
      throws JsonMappingException {
    JavaType type = property != null ? property.getType() : ctxt.getContextualType();
    if (type == null || type.containedTypeCount() != 1) {
      throw JsonMappingException.from(ctxt, "RelationListDeserializer needs a List<T> property");
    }
    return new RelationListDeserializer(type.containedType(0));
  }

  @Override
  public List<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = p.readValueAsTree();
    return read(node, p, ctxt);
  }

  @Override
  public List<?> getNullValue(DeserializationContext ctxt) {
    return List.of();
  }

  private List<?> read(@Nullable JsonNode node, JsonParser p, DeserializationContext ctxt) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isBlank())
        || node.isBoolean()) {
      return List.of();
    }
    if (node.isObject() && isWrapper(node)) {
      return read(wrapped(node), p, ctxt);
    }
    List<Object> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (element.isObject()) {
          out.add(convert(element, p, ctxt));
        }
      }
    } else if (node.isObject()) {
      out.add(convert(node, p, ctxt));
    }
    return out;
  }

  /** A wrapper has exactly one field besides {@code @attributes}, and that field is a collection. */
  private static boolean isWrapper(JsonNode node) {
    int fields = 0;
    JsonNode only = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("@")) {
        continue;
      }
      fields++;
      only = e.getValue();
    }
    return fields == 1 && only != null && (only.isArray() || only.isObject())
        && Character.isUpperCase(firstField(node).charAt(0));
  }

  private static String firstField(JsonNode node) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.startsWith("@")) {
        return name;
      }
    }
    return "";
  }

  private static JsonNode wrapped(JsonNode node) {
    return node.get(firstField(node));
  }

  private Object convert(JsonNode element, JsonParser p, DeserializationContext ctxt) throws IOException {
    if (elementType == null) {
      throw JsonMappingException.from(p, "no element type");
    }
    try (JsonParser sub = element.traverse(p.getCodec())) {
      sub.nextToken();
      return ctxt.readValue(sub, elementType);
    }
  }
}
