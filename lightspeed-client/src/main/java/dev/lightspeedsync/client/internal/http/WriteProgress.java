package dev.lightspeedsync.client.internal.http;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Whether one attempt's request left the client whole: OkHttp reports a request that could not be
 * written completely ({@link EventListener#requestFailed}), typically on a pooled connection the
 * server had already reset. A server never receives such a request in full (its body, or the blank
 * line ending its headers, is missing), so it cannot have applied it, and even a write is safe to
 * send again. A request written in full whose response then failed may have been applied. One
 * instance per attempt, carried as a request tag; read after the attempt on the same thread.
 */
public final class WriteProgress {
  private volatile boolean writeFailed;

  /** True when the request could not be written completely: the server cannot have applied it. */
  public boolean writeFailed() {
    return writeFailed;
  }

  /** Records the write failures of requests tagged with a {@link WriteProgress}. Stateless. */
  private static final EventListener LISTENER = new EventListener() {
    @Override
    public void requestFailed(Call call, IOException ioe) {
      WriteProgress progress = call.request().tag(WriteProgress.class);
      if (progress != null) {
        progress.writeFailed = true;
      }
    }
  };

  /** {@code client} with the listener added to its own event listeners (kept, for a host's metrics). */
  public static OkHttpClient.Builder install(OkHttpClient.Builder builder, OkHttpClient client) {
    EventListener.Factory host = client.eventListenerFactory();
    return builder.eventListenerFactory(call -> host.create(call).plus(LISTENER));
  }
}
