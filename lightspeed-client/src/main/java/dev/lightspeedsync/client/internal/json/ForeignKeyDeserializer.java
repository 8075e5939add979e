package dev.lightspeedsync.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads an R-Series foreign key: a number or numeric string, where {@code "0"}, {@code ""} and
 * null mean "none".
 */
public final class ForeignKeyDeserializer extends JsonDeserializer<Optional<Long>> {
  @Override
  public Optional<Long> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      long v = p.getLongValue();
      return v == 0 ? Optional.empty() : Optional.of(v);
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      if (s.isEmpty()) {
        return Optional.empty();
      }
      try {
        long v = Long.parseLong(s);
        return v == 0 ? Optional.empty() : Optional.of(v);
      } catch (NumberFormatException e) {
        throw ctxt.weirdStringException(s, Long.class, "not a numeric id");
      }
    }
    if (t == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    ctxt.handleUnexpectedToken(Long.class, p);
    return Optional.empty();
  }

  @Override
  public Optional<Long> getNullValue(DeserializationContext ctxt) {
    return Optional.empty();
  }
}
