package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** eCom error bodies: {@code {"error":{"code":404,"method":"GET","request":"...","message":"..."}}}. */
public final class EcomErrors {
  private EcomErrors() {}

  public static Resp error(int status, String method, String request, String message) {
    ObjectNode n = Json.obj();
    ObjectNode e = Json.obj();
    e.put("code", status);
    e.put("method", method);
    e.put("request", request);
    e.put("message", message);
    n.set("error", e);
    return Resp.json(status, Json.write(n));
  }
}
