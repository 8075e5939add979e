package dev.lightspeedsync.client.internal.http;

import dev.lightspeedsync.client.error.ResponseTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reads small bodies (token endpoints, account checks) without ever buffering more than a cap. */
public final class Bodies {
  /** Token and account answers are a few hundred bytes; anything near this is not one. */
  public static final int MAX_SMALL_BODY = 1024 * 1024;

  private Bodies() {}

  /**
   * The body as UTF-8 text, "" when there is none.
   *
   * @throws ResponseTooLargeException when it is larger than {@link #MAX_SMALL_BODY}
   */
  public static String text(Response response, String what) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return "";
    }
    if (body.contentLength() > MAX_SMALL_BODY) {
      throw tooLarge(response, what);
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes(MAX_SMALL_BODY + 1);
      if (bytes.length > MAX_SMALL_BODY) {
        throw tooLarge(response, what);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static ResponseTooLargeException tooLarge(Response response, String what) {
    return new ResponseTooLargeException(what + " answered HTTP " + response.code() + " with a body of more than "
        + MAX_SMALL_BODY + " bytes, which is not an answer of that endpoint; the body was refused unread",
        response.code(), response.header("Cf-Ray"), MAX_SMALL_BODY, false, null);
  }
}
