package dev.lightspeedsync.examples.support;

import dev.lightspeedsync.client.ClientListener;
import java.time.Duration;
import java.util.List;

/** Forwards every client event to several listeners, in order. Thread-safe if they are. */
public final class ListenerChain implements ClientListener {
  private final List<ClientListener> listeners;

  private ListenerChain(List<ClientListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public static ClientListener of(ClientListener... listeners) {
    return new ListenerChain(List.of(listeners));
  }

  @Override
  public void onResponse(String method, String path, int status, Duration duration) {
    listeners.forEach(l -> l.onResponse(method, path, status, duration));
  }

  @Override
  public void onConnectionFailure(String method, String path, Exception cause) {
    listeners.forEach(l -> l.onConnectionFailure(method, path, cause));
  }

  @Override
  public void onPacingWait(Duration wait) {
    listeners.forEach(l -> l.onPacingWait(wait));
  }

  @Override
  public void onRetry(String method, String path, int attempt, Exception cause, Duration delay) {
    listeners.forEach(l -> l.onRetry(method, path, attempt, cause, delay));
  }

  @Override
  public void onTokenRefreshed() {
    listeners.forEach(ClientListener::onTokenRefreshed);
  }
}
