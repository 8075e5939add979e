package dev.lightspeedsync.client.internal.ecom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.lightspeedsync.client.internal.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The Jackson configuration of the eCom client: the shared lenient mapper plus eCom's quirks.
 *
 * <ul>
 *   <li>{@code false} and {@code ""} stand for "empty" in object fields: every eCom model object
 *       reads them as absent.
 *   <li>Numbers may come as {@code false}, {@code true} or {@code ""} (absent) or as numeric
 *       strings.
 *   <li>Strings: {@code false} and {@code ""} are absent.
 *   <li>Times: ISO-8601 with offset ({@code 2019-07-24T15:23:06+00:00}), {@code Z}, or a zone-less
 *       {@code 2019-07-24 15:23:06} read as UTC.
 * </ul>
 */
public final class EcomJson {
  private static final String MODEL_PACKAGE = "dev.lightspeedsync.client.ecom.model";
  private static final ObjectMapper MAPPER = create();

  private EcomJson() {}

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectMapper create() {
    ObjectMapper mapper = JsonMapper.create();
    SimpleModule module = new SimpleModule("lightspeed-ecom");
    module.addDeserializer(BigDecimal.class, new DecimalDeserializer());
    module.addDeserializer(Long.class, new LongDeserializer(null));
    module.addDeserializer(Long.TYPE, new LongDeserializer(0L));
    module.addDeserializer(Integer.class, new IntDeserializer(null));
    module.addDeserializer(Integer.TYPE, new IntDeserializer(0));
    module.addDeserializer(Boolean.class, new BooleanDeserializer(null));
    module.addDeserializer(Boolean.TYPE, new BooleanDeserializer(false));
    module.addDeserializer(String.class, new StringDeserializer());
    module.addDeserializer(Instant.class, new InstantDeserializer());
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
          JsonDeserializer<?> deserializer) {
        Package p = beanDesc.getBeanClass().getPackage();
        if (p != null && p.getName().equals(MODEL_PACKAGE)) {
          return new FalseAsAbsent(deserializer);
        }
        return deserializer;
      }
    });
    mapper.registerModule(module);
    return mapper;
  }

  /** Whether the current token is one of eCom's spellings of "nothing here". */
  static boolean isEmptyMarker(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL
        || (t == JsonToken.VALUE_STRING && p.getText().isBlank());
  }

  /** Reads {@code false} or {@code ""} as null before the wrapped bean deserializer sees it. */
  static final class FalseAsAbsent extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    FalseAsAbsent(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new FalseAsAbsent(newDelegatee);
    }

    @Override
    public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (isEmptyMarker(p)) {
        return null;
      }
      return super.deserialize(p, ctxt);
    }
  }

  private static @Nullable BigDecimal decimal(JsonParser p, DeserializationContext ctxt, Class<?> type)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue();
    }
    if (t == JsonToken.VALUE_TRUE || isEmptyMarker(p)) {
      return null; // eCom sends false/true/"" where a number is absent
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return (BigDecimal) ctxt.handleWeirdStringValue(type, s, "not a number");
      }
    }
    return (BigDecimal) ctxt.handleUnexpectedToken(type, p);
  }

  static final class DecimalDeserializer extends JsonDeserializer<BigDecimal> {
    @Override
    public @Nullable BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return decimal(p, ctxt, BigDecimal.class);
    }
  }

  static final class LongDeserializer extends JsonDeserializer<Long> {
    private final @Nullable Long absent;

    LongDeserializer(@Nullable Long absent) {
      this.absent = absent;
    }

    @Override
    public @Nullable Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue();
      }
      BigDecimal d = decimal(p, ctxt, Long.class);
      if (d == null) {
        return absent;
      }
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return (Long) ctxt.handleWeirdNumberValue(Long.class, d, "not a whole number");
      }
    }

    @Override
    public @Nullable Long getNullValue(DeserializationContext ctxt) {
      return absent;
    }
  }

  static final class IntDeserializer extends JsonDeserializer<Integer> {
    private final @Nullable Integer absent;

    IntDeserializer(@Nullable Integer absent) {
      this.absent = absent;
    }

    @Override
    public @Nullable Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      BigDecimal d = decimal(p, ctxt, Integer.class);
      if (d == null) {
        return absent;
      }
      try {
        return d.intValueExact();
      } catch (ArithmeticException e) {
        return (Integer) ctxt.handleWeirdNumberValue(Integer.class, d, "not a whole number in int range");
      }
    }

    @Override
    public @Nullable Integer getNullValue(DeserializationContext ctxt) {
      return absent;
    }
  }

  static final class BooleanDeserializer extends JsonDeserializer<Boolean> {
    private final @Nullable Boolean absent;

    BooleanDeserializer(@Nullable Boolean absent) {
      this.absent = absent;
    }

    @Override
    public @Nullable Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE) {
        return true;
      }
      if (t == JsonToken.VALUE_FALSE) {
        return false;
      }
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue() != 0;
      }
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getText().trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
          case "":
            return absent;
          case "true":
          case "1":
            return true;
          case "false":
          case "0":
            return false;
          default:
            return (Boolean) ctxt.handleWeirdStringValue(Boolean.class, s, "not a boolean");
        }
      }
      if (t == JsonToken.VALUE_NULL) {
        return absent;
      }
      return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
    }

    @Override
    public @Nullable Boolean getNullValue(DeserializationContext ctxt) {
      return absent;
    }
  }

  static final class StringDeserializer extends JsonDeserializer<String> {
    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getText();
        return s.isEmpty() ? null : s;
      }
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getText();
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }

  static final class InstantDeserializer extends JsonDeserializer<Instant> {
    private static final DateTimeFormatter ZONELESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public @Nullable Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (isEmptyMarker(p)) {
        return null;
      }
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String s = p.getText().trim();
      Instant parsed = parse(s);
      if (parsed == null) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, "not an ISO-8601 date-time");
      }
      return parsed;
    }

    static @Nullable Instant parse(String s) {
      if (s.startsWith("0000-00-00")) {
        return null; // MySQL's zero date: no value
      }
      try {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        // try the other shapes
      }
      try {
        return LocalDateTime.parse(s, ZONELESS).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // try the other shapes
      }
      try {
        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
