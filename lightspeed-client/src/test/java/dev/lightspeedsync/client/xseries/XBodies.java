package dev.lightspeedsync.client.xseries;

import java.util.List;
import java.util.StringJoiner;
import mockwebserver3.MockResponse;

/** X-Series-shaped JSON bodies and responses for tests. */
final class XBodies {
  static final String TOKEN = "lsxs_pt_SECRETPERSONALTOKEN0123456789";
  static final String CLIENT_SECRET = "client-secret-that-must-never-leak";

  private XBodies() {}

  /** A UUID-shaped id for a number. */
  static String uuid(long n) {
    return String.format("0af7b240-ab83-11e7-eddc-%012d", n);
  }

  static String product(long n, long version) {
    return "{\"id\":\"" + uuid(n) + "\",\"name\":\"Product " + n + "\",\"handle\":\"p" + n + "\",\"sku\":\"SKU-" + n + "\","
        + "\"active\":true,\"has_inventory\":true,\"is_composite\":false,\"has_variants\":false,"
        + "\"price_excluding_tax\":12.5,\"supply_price\":\"4.25\",\"created_at\":\"2015-01-08T20:41:50+00:00\","
        + "\"updated_at\":\"2015-08-18T23:28:00+00:00\",\"deleted_at\":null,\"version\":" + version + ","
        + "\"variant_options\":[],\"images\":[],\"brand_new_field\":{\"x\":1}}";
  }

  static String page(List<String> records, Long min, Long max) {
    StringJoiner j = new StringJoiner(",");
    records.forEach(j::add);
    return "{\"data\":[" + j + "],\"version\":{\"min\":" + min + ",\"max\":" + max + "}}";
  }

  static String empty() {
    return "{\"data\":[],\"version\":{\"min\":null,\"max\":null}}";
  }

  static MockResponse ok(String body) {
    return ok(body, 350, 340);
  }

  static MockResponse ok(String body, long limit, long remaining) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Limit", Long.toString(limit))
        .addHeader("X-RateLimit-Remaining", Long.toString(remaining))
        .body(body)
        .build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
