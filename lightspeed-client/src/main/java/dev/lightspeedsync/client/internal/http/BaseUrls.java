package dev.lightspeedsync.client.internal.http;

import java.net.InetAddress;
import java.util.Objects;
import okhttp3.HttpUrl;

/** Parses and checks the base URL a client is built with. Pure. */
public final class BaseUrls {
  private BaseUrls() {}

  /**
   * Parses and checks a base URL: HTTPS, or plain HTTP only to a loopback address (tests, the
   * testkit, a local proxy), so credentials never cross a network unencrypted. The result ends
   * with {@code /}.
   */
  public static HttpUrl checked(String url, String name) {
    HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, name + " == null"));
    if (parsed == null) {
      throw new IllegalArgumentException(name + " is not an http(s) URL: " + url);
    }
    if (parsed.scheme().equals("http") && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(name + " uses plain http to " + parsed.host()
          + "; plain http is allowed only to loopback addresses, use https");
    }
    if (parsed.username().length() > 0 || parsed.password().length() > 0) {
      throw new IllegalArgumentException(name + " must not embed credentials; pass them to the builder");
    }
    if (!parsed.encodedPath().endsWith("/")) {
      parsed = parsed.newBuilder().addPathSegment("").build();
    }
    return parsed;
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // never resolve names here
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}
