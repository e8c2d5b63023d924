package dev.lepton.migrate.testing.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a cloud-storage test server: a JDK {@code HttpServer} bound to 127.0.0.1 with
 * daemon worker threads, and the request counts and fault injector that tests reach through
 * {@link #calls()} and {@link #faults()}. {@code C} is the server's enum of call kinds.
 *
 * <p>A subclass constructor calls {@link #serve(HttpHandler, Path)} once with its router. The router
 * records each request in {@link #calls()} and checks {@link #faults()} before it serves the request.
 *
 * <p>It uses the JDK's {@code com.sun.net.httpserver.HttpServer}: it needs no dependency, streams
 * chunked request bodies and fixed-length responses, and nothing else on the test classpath offers a
 * plain embeddable server (Jetty comes only as utility jars or shaded inside the minicluster).
 */
public abstract class LoopbackTestServer<C extends Enum<C>> implements AutoCloseable {
  static {
    // By default the JDK server leaves Nagle's algorithm on, which added about 40 ms to each small
    // response here. It reads this property once, when its first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String serviceName;
  private final HttpServer server;
  private final ExecutorService executor;
  private final CallCounters<C> counters;
  private final FaultInjector<C> faults;

  /**
   * Binds 127.0.0.1:{@code port}, or a free port for 0, without serving yet. {@code serviceName}
   * (for example "GCS") appears in log messages and, in lower case, in thread names.
   */
  protected LoopbackTestServer(String serviceName, Class<C> callType, int port) throws IOException {
    this(serviceName, callType, port, null);
  }

  /** As above, serving HTTPS with {@code tls} when it is not null (see {@link LoopbackTls}). */
  protected LoopbackTestServer(String serviceName, Class<C> callType, int port, SSLContext tls) throws IOException {
    this.serviceName = serviceName;
    this.counters = new CallCounters<>(callType);
    this.faults = new FaultInjector<>(callType);
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    if (tls == null) {
      this.server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
    } else {
      HttpsServer https = HttpsServer.create(new InetSocketAddress(loopback, port), 64);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      this.server = https;
    }
    this.executor = Executors.newCachedThreadPool(daemonThreads(serviceName.toLowerCase(Locale.ROOT) + "-test-server-"));
    server.setExecutor(executor);
  }

  /** Starts passing every request to {@code router}, and logs the port and {@code rootDir}, where bodies are stored. */
  protected final void serve(HttpHandler router, Path rootDir) {
    server.createContext("/", router);
    server.start();
    log.info("{} test server listening on 127.0.0.1:{} with root {}", serviceName, port(), rootDir);
  }

  /** Returns the settings that point the service's Hadoop connector at this server. */
  public abstract Map<String, String> hadoopConf();

  public final int port() {
    return server.getAddress().getPort();
  }

  /** Returns the request counts by call kind. */
  public final CallCounters<C> calls() {
    return counters;
  }

  /** Returns the fault injector, which fails the next calls of a kind with a status such as 503. */
  public final FaultInjector<C> faults() {
    return faults;
  }

  /** Stops the server at once. Stored bodies stay on disk under the root directory. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    log.info("{} test server on port {} stopped", serviceName, port());
  }

  /** Static factory of a server, such as {@code GcsTestServer::start}, with bodies under {@code rootDir}. */
  @FunctionalInterface
  protected interface Starter<S extends LoopbackTestServer<?>> {
    S start(Path rootDir, int port) throws IOException;
  }

  /**
   * Runs a server from the command line until SIGTERM, and prints the port it listens on as the only
   * line on standard output.
   *
   * <p>{@code args} are {@code PORT ROOT_DIR [CONTAINER...]}, and {@code createContainer} creates each
   * container (bucket or filesystem). {@code usage} is that line with the server's class and container
   * names, for example {@code GcsTestServer PORT ROOT_DIR [BUCKET...]}.
   */
  protected static <S extends LoopbackTestServer<?>> void runUntilTerminated(
      String[] args, String usage, Starter<S> starter, BiConsumer<S, String> createContainer) throws Exception {
    if (args.length < 2) {
      System.err.println("Usage: " + usage + "  (PORT 0 picks a free port)");
      System.exit(2);
    }
    S server = starter.start(Paths.get(args[1]), Integer.parseInt(args[0]));
    for (int i = 2; i < args.length; i++) {
      createContainer.accept(server, args[i]);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    System.out.println(server.port());
    System.out.flush();
    stopped.await();
  }

  private static ThreadFactory daemonThreads(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
