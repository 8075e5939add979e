package dev.lightspeedsync.client.retail;

import java.util.StringJoiner;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;

/** Builds R-Series-shaped JSON bodies and responses for tests. */
final class Json {
  private Json() {}

  static String item(long id) {
    return "{\"itemID\":\"" + id + "\",\"description\":\"Item " + id + "\",\"customSku\":\"SKU-" + id
        + "\",\"archived\":\"false\",\"itemType\":\"default\",\"defaultVendorID\":\"0\",\"categoryID\":\"7\","
        + "\"timeStamp\":\"2026-01-0" + (1 + id % 9) + "T10:00:00+00:00\",\"unknownNewField\":\"x\"}";
  }

  static String itemsPage(int fromId, int count, String next) {
    StringJoiner items = new StringJoiner(",");
    IntStream.range(fromId, fromId + count).forEach(i -> items.add(item(i)));
    return "{\"@attributes\":{\"next\":\"" + next + "\",\"previous\":\"\"},\"Item\":[" + items + "]}";
  }

  static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-LS-API-Bucket-Level", "1/90")
        .addHeader("X-LS-API-Drip-Rate", "1")
        .addHeader("X-LS-API-Request-Cost", "1")
        .addHeader("Cf-Ray", "ray-ok")
        .body(body)
        .build();
  }

  static MockResponse ok(String body, String bucketLevel, String dripRate) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-LS-API-Bucket-Level", bucketLevel)
        .addHeader("X-LS-API-Drip-Rate", dripRate)
        .addHeader("X-LS-API-Request-Cost", "1")
        .body(body)
        .build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Cf-Ray", "ray-" + code).body(body).build();
  }
}
