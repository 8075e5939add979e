package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

/**
 * Tells a cut-off JSON body from a malformed one: a body is truncated when it is a proper prefix of
 * some valid JSON document (it parses without error until the input runs out, before the root value
 * is closed), whatever exception the blocking parser raised for it (a cut after a comma raises
 * {@code JsonParseException}, not {@code JsonEOFException}). Pure.
 */
public final class JsonPrefix {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonPrefix() {}

  /** Whether {@code body} is an unfinished but so far valid JSON document. */
  public static boolean isTruncated(byte[] body) {
    try (JsonParser p = FACTORY.createNonBlockingByteArrayParser()) {
      ((ByteArrayFeeder) p.getNonBlockingInputFeeder()).feedInput(body, 0, body.length);
      int depth = 0;
      boolean started = false;
      while (true) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.NOT_AVAILABLE) {
          // out of input inside the root value (or inside a root scalar such as "tru)
          return !started || depth > 0;
        }
        if (t == null) {
          return false;
        }
        started = true;
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
          if (depth == 0) {
            return false; // a complete root value: not a truncation
          }
        } else if (depth == 0) {
          return false; // a complete root scalar
        }
      }
    } catch (Exception malformed) {
      return false;
    }
  }
}
