package dev.lightspeedsync.client.hostile;

import java.util.StringJoiner;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;

/** Bodies of all three APIs, and hostile responses, for the tests of this package. */
final class Hostile {
  static final String ECOM_KEY = "0123456789abcdef0123456789abcdef";
  static final String ECOM_SECRET = "fedcba9876543210fedcba9876543210";
  static final String XS_TOKEN = "lsxs_pt_SECRETPERSONALTOKEN0123456789";

  private Hostile() {}

  static String item(long id) {
    return "{\"itemID\":\"" + id + "\",\"description\":\"Item " + id + "\",\"customSku\":\"SKU-" + id
        + "\",\"archived\":\"false\",\"itemType\":\"default\",\"defaultVendorID\":\"0\",\"categoryID\":\"7\","
        + "\"timeStamp\":\"2026-01-0" + (1 + id % 9) + "T10:00:00+00:00\"}";
  }

  static String itemsPage(int fromId, int count, String next) {
    StringJoiner items = new StringJoiner(",");
    IntStream.range(fromId, fromId + count).forEach(i -> items.add(item(i)));
    return "{\"@attributes\":{\"next\":\"" + next + "\",\"previous\":\"\"},\"Item\":[" + items + "]}";
  }

  static String variant(long id) {
    return "{\"id\":" + id + ",\"createdAt\":\"2026-01-02T10:00:00+00:00\",\"updatedAt\":\"2026-11-20T08:30:00+00:00\","
        + "\"isDefault\":true,\"title\":\"Variant " + id + "\",\"sku\":\"SKU-" + id + "\",\"priceExcl\":47.95,"
        + "\"stockTracking\":\"enabled\",\"stockLevel\":" + (id % 50) + "}";
  }

  static String variants(long fromId, int count) {
    StringJoiner j = new StringJoiner(",");
    IntStream.range(0, count).forEach(i -> j.add(variant(fromId + i)));
    return "{\"variants\":[" + j + "]}";
  }

  static String uuid(long n) {
    return String.format("0af7b240-ab83-11e7-eddc-%012d", n);
  }

  static String product(long n, long version) {
    return "{\"id\":\"" + uuid(n) + "\",\"name\":\"Product " + n + "\",\"handle\":\"p" + n + "\",\"sku\":\"SKU-" + n
        + "\",\"active\":true,\"has_inventory\":true,\"is_composite\":false,\"has_variants\":false,"
        + "\"price_excluding_tax\":12.5,\"created_at\":\"2015-01-08T20:41:50+00:00\",\"version\":" + version + "}";
  }

  static String products(long fromId, int count, long firstVersion) {
    StringJoiner j = new StringJoiner(",");
    IntStream.range(0, count).forEach(i -> j.add(product(fromId + i, firstVersion + i)));
    return "{\"data\":[" + j + "],\"version\":{\"min\":" + firstVersion + ",\"max\":" + (firstVersion + count - 1) + "}}";
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
