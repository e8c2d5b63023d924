package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** Free loopback ports, and waiting for a server to accept connections on one. */
public final class Ports {
  public static final String LOOPBACK = "127.0.0.1";
  private static final Duration POLL = Duration.ofMillis(100);

  private Ports() {}

  /**
   * Returns a port that was free on 127.0.0.1 a moment ago. Another process may take it before the
   * server binds; the server then fails to start and says so in its log.
   */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }

  /** Returns whether something accepts connections on 127.0.0.1:{@code port}. */
  public static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), (int) POLL.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Polls 127.0.0.1:{@code port} until it accepts a connection. Between polls it waits on the
   * server's exit ({@code exitedWithin}) rather than sleeping, so a server that dies is reported at
   * once with the tail of its log.
   *
   * @throws IOException when the server exits or the deadline passes first
   */
  public static void awaitListening(String name, int port, Duration deadline,
      Function<Duration, Boolean> exitedWithin, Supplier<String> logTail) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!isListening(port)) {
      if (exitedWithin.apply(POLL)) {
        throw new IOException(name + " exited before it listened on " + LOOPBACK + ":" + port
            + ". Last lines of its log:\n" + logTail.get());
      }
      if (System.nanoTime() > end) {
        throw new IOException(name + " did not listen on " + LOOPBACK + ":" + port + " within "
            + deadline.toSeconds() + " s. Last lines of its log:\n" + logTail.get());
      }
    }
  }
}
