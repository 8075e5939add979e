package dev.lightspeedsync.client.internal.ecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Writes {@link JsonNode} request bodies (and reads {@link JsonNode} bodies, reading an empty one as
 * an empty object). The clients' calls return raw bodies, which the transport reads itself with a
 * size cap, so the response side serves only other callers.
 */
public final class JsonNodeConverters extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private final ObjectMapper mapper;

  public JsonNodeConverters(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
      Retrofit retrofit) {
    if (type != JsonNode.class) {
      return null;
    }
    return (Converter<ResponseBody, JsonNode>) body -> {
      try (ResponseBody b = body) {
        byte[] bytes = b.bytes();
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
          return JsonNodeFactory.instance.objectNode();
        }
        return mapper.readTree(bytes);
      }
    };
  }

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    if (type != JsonNode.class) {
      return null;
    }
    return (Converter<JsonNode, RequestBody>) node -> RequestBody.create(mapper.writeValueAsBytes(node), JSON);
  }
}
