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
 * Reads and writes {@link JsonNode} bodies. Unlike the stock Jackson converter it reads an empty
 * body (eCom answers some DELETEs with one) as an empty object instead of failing.
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
