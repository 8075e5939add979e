package dev.lightspeedsync.client.internal.xseries;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.lightspeedsync.client.internal.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Jackson configuration of the X-Series client: the shared lenient mapper (unknown fields
 * ignored, numbers accepted as strings, {@code ""} read as absent) plus X-Series times.
 *
 * <ul>
 *   <li>Times: ISO-8601 with an offset ({@code 2014-09-18T01:37:56+00:00}) or {@code Z}, and the
 *       zone-less {@code 2016-05-05 23:35:34} of API 0.9 payloads, read as UTC (all X-Series times
 *       are UTC).
 *   <li>Strings: {@code ""} is absent, like null (X-Series sends {@code "note":""}); numbers and
 *       booleans are read as their text.
 *   <li>Quantities and costs that the spec types as strings ({@code count}, {@code received},
 *       {@code cost} of consignment products) read as decimals.
 * </ul>
 */
public final class XSeriesJson {
  private static final ObjectMapper MAPPER = create();

  private XSeriesJson() {}

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectMapper create() {
    ObjectMapper mapper = JsonMapper.create();
    SimpleModule module = new SimpleModule("lightspeed-xseries");
    module.addDeserializer(Instant.class, new InstantDeserializer());
    module.addDeserializer(String.class, new StringDeserializer());
    mapper.registerModule(module);
    return mapper;
  }

  /** Parses an X-Series time; null when it is not one of the known shapes. */
  public static @Nullable Instant parseInstant(String s) {
    String v = s.trim();
    if (v.isEmpty() || v.startsWith("0000-00-00")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // try the other shapes
    }
    try {
      return LocalDateTime.parse(v.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the other shapes
    }
    try {
      return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static final class StringDeserializer extends JsonDeserializer<String> {
    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getText();
        return s.isEmpty() ? null : s;
      }
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NUMBER_INT
          || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getText();
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }

  static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public @Nullable Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String s = p.getText();
      if (s.isBlank()) {
        return null;
      }
      Instant parsed = parseInstant(s);
      if (parsed == null) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, "not an ISO-8601 date-time");
      }
      return parsed;
    }
  }

  /**
   * Reads a code that the spec types as an object ({@code currency: {code, symbol}}) but that is
   * also sent as a plain string: a string is taken as is, an object gives its {@code code}.
   */
  public static final class CodeDeserializer extends JsonDeserializer<String> {
    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isValueNode()) {
        return node.asText().isBlank() ? null : node.asText();
      }
      JsonNode code = node.get("code");
      return code != null && code.isValueNode() && !code.asText().isBlank() ? code.asText() : null;
    }
  }

  /**
   * Reads a time-zone name that the spec types as an object but documents as a name such as
   * {@code Pacific/Auckland}: a string is taken as is, an object gives its first textual field
   * among {@code name}, {@code id}, {@code timezone}, or its first textual field at all.
   */
  public static final class ZoneNameDeserializer extends JsonDeserializer<String> {
    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isValueNode()) {
        String s = node.asText();
        return s.isBlank() ? null : s;
      }
      if (node.isObject()) {
        for (String name : new String[] {"name", "id", "timezone", "time_zone"}) {
          JsonNode v = node.get(name);
          if (v != null && v.isTextual() && !v.asText().isBlank()) {
            return v.asText();
          }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          JsonNode v = it.next().getValue();
          if (v.isTextual() && !v.asText().isBlank()) {
            return v.asText();
          }
        }
      }
      return null;
    }
  }
}
