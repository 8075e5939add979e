package dev.lightspeedsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /auth/oauth/token} and {@code /auth/oauth/revoke}. */
public final class OAuthApi {
  private final OAuth oauth;

  public OAuthApi(OAuth oauth) {
    this.oauth = oauth;
  }

  private static Resp err(int status, String error, String description) {
    ObjectNode n = Json.obj();
    n.put("error", error);
    n.put("error_description", description);
    n.put("message", description);
    return Resp.json(status, Json.write(n));
  }

  private static Map<String, String> form(Req req) {
    Map<String, String> out = new LinkedHashMap<>();
    String ct = req.header("Content-Type");
    String body = req.bodyString();
    if (ct != null && ct.contains("application/json")) {
      JsonNode n = Json.read(body);
      n.properties().iterator().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return out;
    }
    if (ct != null && ct.contains("multipart/form-data")) {
      java.util.regex.Matcher bm = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(ct);
      if (!bm.find()) {
        throw new ApiException(400, "multipart body without boundary");
      }
      for (String part : body.split("--" + java.util.regex.Pattern.quote(bm.group(1)))) {
        int headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
          continue;
        }
        java.util.regex.Matcher nm = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(part.substring(0, headerEnd));
        if (nm.find()) {
          String value = part.substring(headerEnd + 4);
          if (value.endsWith("\r\n")) {
            value = value.substring(0, value.length() - 2);
          }
          out.put(nm.group(1), value);
        }
      }
      return out;
    }
    for (Map.Entry<String, String> e : Req.parseQuery(body)) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  public Resp handle(Req req) {
    Resp r = doHandle(req);
    r.endpoint = req.method + " " + req.path;
    return r;
  }

  /**
   * {@code GET /auth/oauth/authorize}: the real server shows a login and consent page; the testkit
   * consents at once and redirects (302) to the registered redirect URI with {@code code} and
   * {@code state}. Errors before the redirect are JSON, as for the token endpoint.
   */
  public Resp authorize(Map<String, String> q) {
    if (!"code".equals(q.get("response_type"))) {
      return err(400, "unsupported_response_type", "response_type must be code");
    }
    if (!oauth.clientId.equals(q.get("client_id"))) {
      return err(400, "invalid_client", "The client ID wasn't supplied or doesn't match any active OAuth clients.");
    }
    String scope = q.getOrDefault("scope", "").replace('+', ' ').trim();
    if (scope.isEmpty()) {
      return err(400, "invalid_scope", "The scope wasn't specified");
    }
    for (String s : scope.split("\\s+")) {
      if (!OAuth.SCOPES.contains(s)) {
        return err(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed: " + s);
      }
    }
    String redirect = q.get("redirect_uri");
    if (redirect != null && !redirect.equals(OAuth.REDIRECT_URI)) {
      return err(400, "invalid_request", "redirect_uri does not match the URI registered for the client");
    }
    String challenge = q.getOrDefault("code_challenge", "");
    String method = q.getOrDefault("code_challenge_method", challenge.isEmpty() ? "" : "plain");
    if (!challenge.isEmpty() && !method.equals("S256") && !method.equals("plain")) {
      return err(400, "invalid_request", "code_challenge_method must be S256 or plain");
    }
    if (!challenge.isEmpty() && !challenge.matches("[A-Za-z0-9_-]{43,128}")) {
      return err(400, "invalid_request", "code_challenge must be 43 to 128 base64url characters");
    }
    String code = oauth.authorize(String.join(" ", scope.split("\\s+")), challenge, method);
    StringBuilder location = new StringBuilder(OAuth.REDIRECT_URI).append("?code=").append(enc(code));
    if (q.containsKey("state")) {
      location.append("&state=").append(enc(q.get("state")));
    }
    Resp r = Resp.json(302, "");
    r.header("Location", location.toString());
    return r;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Resp doHandle(Req req) {
    if (req.path.equals("/auth/oauth/authorize")) {
      if (!req.method.equals("GET")) {
        return err(405, "invalid_request", "Use GET");
      }
      Map<String, String> q = new LinkedHashMap<>();
      req.params.forEach(e -> q.putIfAbsent(e.getKey(), e.getValue()));
      return authorize(q);
    }
    if (!req.method.equals("POST")) {
      return err(405, "invalid_request", "Use POST");
    }
    Map<String, String> f;
    try {
      f = form(req);
    } catch (ApiException e) {
      return err(400, "invalid_request", "The request body could not be parsed");
    }
    if (!oauth.clientId.equals(f.get("client_id")) || !oauth.clientSecret.equals(f.get("client_secret"))) {
      return err(401, "invalid_client", "Client authentication failed");
    }
    if (req.path.equals("/auth/oauth/revoke")) {
      oauth.revoke(f.getOrDefault("refresh_token", ""));
      return Resp.json(200, "{}");
    }
    if (!req.path.equals("/auth/oauth/token")) {
      return err(404, "not_found", "Unknown OAuth endpoint");
    }
    String grant = f.get("grant_type");
    if ("authorization_code".equals(grant)) {
      String code = f.get("code");
      if (code == null || code.isEmpty()) {
        return err(400, "invalid_request", "The request is missing a required parameter. Check the `code` parameter");
      }
      OAuth.Exchange x = oauth.exchange(code, f.get("code_verifier"));
      if (x.issued() == null) {
        return err(400, x.error(), x.description());
      }
      return tokens(x.issued());
    }
    if (!"refresh_token".equals(grant)) {
      return err(400, "unsupported_grant_type",
          "The authorization grant type is not supported by the authorization server.");
    }
    String rt = f.get("refresh_token");
    if (rt == null || rt.isEmpty()) {
      return err(400, "invalid_request",
          "The request is missing a required parameter, includes an invalid parameter value, includes a parameter"
              + " more than once, or is otherwise malformed. Check the `refresh_token` parameter");
    }
    OAuth.Refresh refreshed = oauth.refresh(rt);
    if (refreshed.invalid()) {
      return err(400, "invalid_grant", "The refresh token is invalid.");
    }
    if (refreshed.issued() == null) {
      Resp limited = err(429, "too_many_requests", "This refresh token was redeemed " + OAuth.REDEMPTIONS_PER_MINUTE
          + " times in the last minute");
      limited.header("Retry-After", Long.toString(refreshed.retryAfterSeconds()));
      limited.rateLimited = true;
      return limited;
    }
    return tokens(refreshed.issued());
  }

  private static Resp tokens(OAuth.Issued issued) {
    ObjectNode n = Json.obj();
    n.put("token_type", "Bearer");
    n.put("expires_in", issued.expiresIn());
    n.put("access_token", issued.accessToken());
    n.put("refresh_token", issued.refreshToken());
    return Resp.json(200, Json.write(n));
  }
}
