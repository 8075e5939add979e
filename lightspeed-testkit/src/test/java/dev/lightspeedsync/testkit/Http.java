package dev.lightspeedsync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client for the tests (deliberately not our lightspeed-client). */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return MAPPER.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }
  }

  private final LightspeedTestServer server;
  private String bearer;

  Http(LightspeedTestServer server) {
    this.server = server;
    this.bearer = server.retailCredentials().accessToken();
  }

  void bearer(String token) {
    this.bearer = token;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** GET relative to the account URL, e.g. {@code Item.json?limit=5}. */
  Response retail(String relative) {
    return send(HttpRequest.newBuilder(URI.create(server.retailAccountUrl() + relative))
        .header("Authorization", "Bearer " + bearer).GET().build());
  }

  Response retailAbs(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).GET().build());
  }

  Response retailWrite(String method, String relative, String json) {
    return send(HttpRequest.newBuilder(URI.create(server.retailAccountUrl() + relative))
        .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Response token(Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(server.tokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Response refresh(String refreshToken) {
    RetailCredentials c = server.retailCredentials();
    return token(Map.of("grant_type", "refresh_token", "client_id", c.clientId(), "client_secret", c.clientSecret(),
        "refresh_token", refreshToken));
  }

  private String basic() {
    EcomCredentials c = server.ecomCredentials();
    return "Basic " + Base64.getEncoder().encodeToString((c.apiKey() + ":" + c.apiSecret()).getBytes(StandardCharsets.UTF_8));
  }

  /** GET relative to the eCom base, e.g. {@code en/products.json}. */
  Response ecom(String relative) {
    return send(HttpRequest.newBuilder(URI.create(server.ecomBaseUrl() + relative)).header("Authorization", basic())
        .GET().build());
  }

  Response ecomWrite(String method, String relative, String json) {
    return send(HttpRequest.newBuilder(URI.create(server.ecomBaseUrl() + relative)).header("Authorization", basic())
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** GET relative to the X-Series origin, e.g. {@code api/2.0/products?page_size=5}, with the given bearer token. */
  Response xs(String relative, String token) {
    return send(HttpRequest.newBuilder(URI.create(server.xseriesOrigin() + relative))
        .header("Authorization", "Bearer " + token).GET().build());
  }

  /** GET relative to the X-Series origin with the personal token. */
  Response xs(String relative) {
    return xs(relative, server.xseriesCredentials().personalToken());
  }

  Response xsWrite(String method, String relative, String json) {
    return send(HttpRequest.newBuilder(URI.create(server.xseriesOrigin() + relative))
        .header("Authorization", "Bearer " + server.xseriesCredentials().personalToken())
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  Response xsToken(Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(server.xseriesTokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  static Response send(HttpRequest req) {
    try {
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Like {@link #send} but lets the IOException through (fault tests). */
  static HttpResponse<String> sendRaw(HttpRequest req) throws IOException, InterruptedException {
    return CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** Wraps a single object as a one-element array (the single-element quirk). */
  static Iterable<JsonNode> many(JsonNode n) {
    if (n == null || n.isMissingNode() || (n.isTextual() && n.asText().isEmpty())) {
      return java.util.List.of();
    }
    return n.isArray() ? n : java.util.List.of(n);
  }
}
