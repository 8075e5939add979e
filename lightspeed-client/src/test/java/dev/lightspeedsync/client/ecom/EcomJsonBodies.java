package dev.lightspeedsync.client.ecom;

import java.util.StringJoiner;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;

/** Builds eCom-shaped JSON bodies and responses for tests. */
final class EcomJsonBodies {
  static final String KEY = "0123456789abcdef0123456789abcdef";
  static final String SECRET = "fedcba9876543210fedcba9876543210";

  private EcomJsonBodies() {}

  static String ref(String path, long id) {
    return "{\"resource\":{\"id\":" + id + ",\"url\":\"" + path + "/" + id + "\",\"link\":\"https://api.webshopapp.com/nl/"
        + path + "/" + id + ".json\"}}";
  }

  static String toMany(String url) {
    return "{\"resource\":{\"id\":false,\"url\":\"" + url + "\",\"link\":\"https://api.webshopapp.com/nl/" + url + "\"}}";
  }

  static String variant(long id) {
    String[] tracking = {"enabled", "indicator", "disabled"};
    return "{\"id\":" + id + ",\"createdAt\":\"2026-01-02T10:00:00+00:00\",\"updatedAt\":\"2026-11-20T08:30:00+00:00\","
        + "\"isDefault\":true,\"title\":\"Variant " + id + "\",\"articleCode\":\"AC-" + id + "\",\"ean\":\"\","
        + "\"sku\":\"SKU-" + id + "\",\"hs\":null,\"priceExcl\":47.95,\"priceIncl\":58.0195,\"priceCost\":21.5,"
        + "\"stockTracking\":\"" + tracking[(int) (id % 3)] + "\",\"stockLevel\":" + (id % 50) + ","
        + "\"stockAlert\":false,\"weightValue\":\"0.000\",\"matrix\":false,\"tax\":false,\"image\":false,"
        + "\"product\":" + ref("products", 1000 + id / 10) + ",\"movements\":" + toMany("variants/movements?variant=" + id)
        + ",\"brandNewField\":{\"x\":1}}";
  }

  static String variants(long fromId, int count) {
    StringJoiner j = new StringJoiner(",");
    LongStream.range(fromId, fromId + count).forEach(i -> j.add(variant(i)));
    return "{\"variants\":[" + j + "]}";
  }

  static MockResponse ok(String body) {
    return ok(body, "263/2063/23663", "299/2999/11999");
  }

  static MockResponse ok(String body, String reset, String remaining) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Limit", "300/3000/12000")
        .addHeader("X-RateLimit-Remaining", remaining)
        .addHeader("X-RateLimit-Reset", reset)
        .body(body)
        .build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Limit", "300/3000/12000")
        .addHeader("X-RateLimit-Remaining", "290/2990/11990")
        .addHeader("X-RateLimit-Reset", "263/2063/23663")
        .body(body)
        .build();
  }

  static String error(int code, String message) {
    return "{\"error\":{\"code\":" + code + ",\"method\":\"GET\",\"request\":\"/nl/x.json\",\"message\":\"" + message + "\"}}";
  }
}
