package dev.lightspeedsync.testkit.internal;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A parsed HTTP request. */
public final class Req {
  public final String method;
  public final String path;
  public final String rawQuery;
  /** Decoded query parameters in their original order. */
  public final List<Map.Entry<String, String>> params;
  public final Headers headers;
  public final byte[] body;
  public final String origin;

  public Req(String method, String path, String rawQuery, Headers headers, byte[] body, String origin) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.origin = origin;
    this.params = parseQuery(rawQuery);
  }

  public static List<Map.Entry<String, String>> parseQuery(String raw) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      try {
        out.add(Map.entry(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        throw new ApiException(400, "Malformed query string");
      }
    }
    return out;
  }

  public String param(String name) {
    for (Map.Entry<String, String> e : params) {
      if (e.getKey().equals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  public String header(String name) {
    return headers.getFirst(name);
  }

  public String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean isWrite() {
    return !method.equals("GET") && !method.equals("HEAD");
  }
}
