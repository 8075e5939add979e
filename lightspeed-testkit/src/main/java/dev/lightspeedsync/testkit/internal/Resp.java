package dev.lightspeedsync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to send. */
public final class Resp {
  public final int status;
  public final Map<String, String> headers = new LinkedHashMap<>();
  public final byte[] body;
  /** Set by the handlers: the endpoint key used by the inspection counters. */
  public String endpoint;
  /** True when the request was rejected by a rate limiter. */
  public boolean rateLimited;

  public Resp(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  public static Resp json(int status, String json) {
    Resp r = new Resp(status, json.getBytes(StandardCharsets.UTF_8));
    r.headers.put("Content-Type", "application/json");
    return r;
  }

  public Resp header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
