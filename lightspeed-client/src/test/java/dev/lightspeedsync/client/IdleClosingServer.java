package dev.lightspeedsync.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server with keep-alive that closes its idle connections when told to, as a
 * server does when a connection stays idle longer than its idle timeout (the JDK's HttpServer after
 * {@code sun.net.httpserver.idleInterval}, 30 s by default; nginx after {@code keepalive_timeout}).
 * Unlike waiting for a real timeout, {@link #closeIdleConnections()} returns once the connections are
 * closed, so a test runs without sleeping. Each request gets the answer of {@code responder} (status
 * 200, the given headers and body); a {@code null} answer drops the connection after the request was
 * read, as a server that crashes mid-request does. Test code only.
 */
public final class IdleClosingServer implements AutoCloseable {
  /** One answer: extra response headers (name: value lines) and the JSON body. */
  public record Answer(List<String> headers, String body) {}

  private final ServerSocket socket;
  private final Function<String, Answer> responder;
  private static final int POLL_MILLIS = 2;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<Socket, Closing> closing = new ConcurrentHashMap<>();
  /** The request lines received ({@code GET /nl/variants.json?... HTTP/1.1}), in order. */
  public final List<String> requests = new CopyOnWriteArrayList<>();
  /** Connections accepted so far. */
  public final AtomicInteger connections = new AtomicInteger();

  public IdleClosingServer(Function<String, Answer> responder) throws IOException {
    this.responder = responder;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "idle-closing-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  /** Closes every connection between requests, as a server's idle timeout does; returns once they are closed. */
  public void closeIdleConnections() {
    close(false);
  }

  /**
   * Resets every connection between requests (an abortive close: TCP RST, as a server or a load
   * balancer that drops its connection state does): the client's next write on one of them fails.
   */
  public void resetIdleConnections() {
    close(true);
  }

  /**
   * Asks each connection's own thread to close it while it waits for the next request, and waits
   * until it has: a socket closed by another thread while a read is blocked on it is only closed
   * once that read returns, and could still take in one more request.
   */
  private void close(boolean reset) {
    List<CountDownLatch> done = new ArrayList<>();
    for (Socket s : open) {
      CountDownLatch closed = new CountDownLatch(1);
      closing.put(s, new Closing(reset, closed));
      if (!open.contains(s)) { // its thread ended meanwhile: nothing left to close
        closed.countDown();
      }
      done.add(closed);
    }
    for (CountDownLatch closed : done) {
      try {
        if (!closed.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a connection was not closed within 10 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private record Closing(boolean reset, CountDownLatch closed) {}

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "idle-closing-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        // wait for the next request in short polls, so that this thread can close the socket itself
        s.setSoTimeout(POLL_MILLIS);
        int first;
        try {
          first = in.read();
        } catch (SocketTimeoutException idle) {
          Closing c = closing.remove(s);
          if (c != null) {
            if (c.reset()) {
              s.setSoLinger(true, 0);
            }
            open.remove(s);
            s.close();
            c.closed().countDown();
            return;
          }
          continue;
        }
        if (first == -1) {
          return; // the client closed the connection
        }
        s.setSoTimeout(0);
        String requestLine = (char) first + line(in);
        long contentLength = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            contentLength = Long.parseLong(h.substring("content-length:".length()).trim());
          }
        }
        in.readNBytes((int) contentLength);
        requests.add(requestLine);
        Answer answer = responder.apply(requestLine);
        if (answer == null) {
          return; // dropped after reading the request: the client sees the connection end unanswered
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
        answer.headers().forEach(h -> head.append(h).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away, or the server was closed
    } finally {
      open.remove(s);
      Closing c = closing.remove(s);
      if (c != null) {
        c.closed().countDown();
      }
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String l = b.toString(StandardCharsets.US_ASCII);
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
