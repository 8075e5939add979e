package dev.lightspeedsync.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
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

  private void close(boolean reset) {
    for (Socket s : open) {
      synchronized (s) { // never in the middle of answering a request
        try {
          if (reset) {
            s.setSoLinger(true, 0);
          }
          s.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
      open.remove(s);
    }
  }

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
        String requestLine = line(in);
        if (requestLine == null) {
          return; // the client closed the connection
        }
        synchronized (s) {
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
      }
    } catch (SocketException closed) {
      // closed by closeIdleConnections() or close()
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
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
    closeIdleConnections();
  }
}
