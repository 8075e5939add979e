package dev.lightspeedsync.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event of both listener forms, as text, for the listener tests of each client. */
public final class RecordingListener implements ClientListener {
  /** Events of the {@link RequestEvent} form, in order. */
  public final List<String> events = new CopyOnWriteArrayList<>();
  /** The {@link RequestEvent}s, in order. */
  public final List<RequestEvent> requests = new CopyOnWriteArrayList<>();

  @Override
  public void onResponse(RequestEvent request, int status, Duration duration) {
    requests.add(request);
    events.add("response " + status + " " + describe(request));
  }

  @Override
  public void onConnectionFailure(RequestEvent request, Exception cause) {
    requests.add(request);
    events.add("failure " + describe(request));
  }

  @Override
  public void onPacingWait(RequestEvent request, Duration wait) {
    requests.add(request);
    events.add("wait " + wait.toMillis() + "ms " + describe(request));
  }

  @Override
  public void onRetry(RequestEvent request, Exception cause, Duration delay) {
    requests.add(request);
    events.add("retry " + cause.getClass().getSimpleName() + " " + describe(request));
  }

  private static String describe(RequestEvent r) {
    return "#" + r.requestId() + "/" + r.attempt() + " " + r.method() + " " + r.path()
        + " server=" + r.serverRequestId().orElse("-")
        + " limit=" + r.rateLimit().map(s -> s.api() + ":" + fmt(s.remaining()) + "/" + fmt(s.limit())).orElse("-");
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** A listener of the older form only (no {@link RequestEvent}): it must still see every event. */
  public static final class OldForm implements ClientListener {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onResponse(String method, String path, int status, Duration duration) {
      events.add("response " + status + " " + method + " " + path);
    }

    @Override
    public void onConnectionFailure(String method, String path, Exception cause) {
      events.add("failure " + method + " " + path);
    }

    @Override
    public void onPacingWait(Duration wait) {
      events.add("wait " + wait.toMillis() + "ms");
    }

    @Override
    public void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {
      events.add("retry " + attempt + " " + method + " " + path);
    }
  }

  /** Sends every event to both listeners. */
  public static ClientListener both(ClientListener a, ClientListener b) {
    return new ClientListener() {
      @Override
      public void onResponse(RequestEvent request, int status, Duration duration) {
        a.onResponse(request, status, duration);
        b.onResponse(request, status, duration);
      }

      @Override
      public void onConnectionFailure(RequestEvent request, Exception cause) {
        a.onConnectionFailure(request, cause);
        b.onConnectionFailure(request, cause);
      }

      @Override
      public void onPacingWait(RequestEvent request, Duration wait) {
        a.onPacingWait(request, wait);
        b.onPacingWait(request, wait);
      }

      @Override
      public void onRetry(RequestEvent request, Exception cause, Duration delay) {
        a.onRetry(request, cause, delay);
        b.onRetry(request, cause, delay);
      }
    };
  }
}
