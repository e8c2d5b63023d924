package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Google Cloud Storage JSON API server on 127.0.0.1 for tests, faithful enough for the real
 * {@code GoogleHadoopFileSystem} (gcs-connector hadoop3-2.2.26) to run unchanged against it.
 *
 * <p>Served calls:
 *
 * <ul>
 *   <li>buckets: get, insert, delete;
 *   <li>objects: get, list (prefix, delimiter, includeTrailingDelimiter, maxResults up to 1,000,
 *       pageToken, startOffset, endOffset), patch, update, delete, rewrite, copy, compose;
 *   <li>media downloads with single ranges (206, 416);
 *   <li>uploads of type multipart, media and resumable (308 with {@code Range} until the last
 *       chunk, non-final chunks kept in multiples of 256 KiB);
 *   <li>batches.
 * </ul>
 *
 * <p>Objects have generations and metagenerations and honour {@code ifGenerationMatch} (0: must
 * not exist), {@code ifGenerationNotMatch}, {@code ifMetagenerationMatch} and {@code
 * ifMetagenerationNotMatch}. The server computes {@code crc32c} and {@code md5Hash} over the stored
 * bytes. Request bodies may be gzip-encoded. The {@code fields} parameter selects parts of JSON
 * responses.
 *
 * <p>Bodies are files under {@code rootDir/blobs}, streamed in and out. Only metadata is in memory,
 * and it is lost on {@link #close()}. Only the live generation of an object is kept.
 *
 * <p>It uses the JDK's {@code com.sun.net.httpserver.HttpServer}: it needs no dependency, streams
 * chunked request bodies and fixed-length responses, and nothing else on the test classpath offers a
 * plain embeddable server (Jetty comes only as utility jars or shaded inside the minicluster).
 *
 * <p>Point the connector at it with {@link #hadoopConf()}: {@code fs.gs.storage.root.url}, {@code
 * fs.gs.storage.service.path=storage/v1/}, {@code fs.gs.project.id}, {@code
 * fs.gs.auth.service.account.enable=false} and {@code fs.gs.auth.null.enable=true}. With the last
 * two the connector sends no credentials, so it has no reason to contact a metadata server or token
 * endpoint. {@code GcsConnectorTest} checks that it connects to 127.0.0.1 only.
 */
public final class GcsTestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GcsTestServer.class);

  static {
    // By default the JDK server leaves Nagle's algorithm on, which added about 40 ms to each small
    // response here. It reads this property once, when its first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final GcsObjectStore store;
  private final GcsCallCounters counters = new GcsCallCounters();
  private final GcsFaultInjector faults = new GcsFaultInjector();

  private GcsTestServer(Path rootDir, int port) throws IOException {
    this.store = new GcsObjectStore(rootDir);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 64);
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", new GcsRouter(store, rootUrl(), counters, faults));
    server.start();
  }

  /** Starts a server on a free port, storing object bodies under {@code rootDir}. */
  public static GcsTestServer start(Path rootDir) throws IOException {
    return start(rootDir, 0);
  }

  /** Starts a server on {@code port} (0 for a free one), storing object bodies under {@code rootDir}. */
  public static GcsTestServer start(Path rootDir, int port) throws IOException {
    GcsTestServer started = new GcsTestServer(rootDir, port);
    LOG.info("GCS test server listening on {} with root {}", started.rootUrl(), rootDir);
    return started;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the value for {@code fs.gs.storage.root.url}, ending with a slash. */
  public String rootUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Creates a bucket; the connector needs it to exist, as in the service. */
  public GcsTestServer createBucket(String bucket) {
    store.createBucket(bucket);
    return this;
  }

  /**
   * Stores an object directly, as a finished upload would, without counting a request. Tests use
   * it to seed many objects quickly.
   */
  public void putObject(String bucket, String name, byte[] content) throws IOException {
    Path blob = store.newBlobPath();
    BlobDigest digest = BlobFiles.write(new ByteArrayInputStream(content), blob);
    ObjectAttributes attributes =
        new ObjectAttributes(ObjectAttributes.DEFAULT_CONTENT_TYPE, null, null, null, null, Map.of());
    store.commit(bucket, name, blob, digest, null, attributes, Preconditions.NONE);
  }

  /** Returns the names of a bucket's objects in listing order. */
  public List<String> objectNames(String bucket) {
    return List.copyOf(store.objects(bucket).keySet());
  }

  /**
   * Returns the connector settings that point {@code gs://} at this server, without credentials.
   * Add {@code fs.gs.outputstream.upload.chunk.size} or {@code fs.gs.list.max.items.per.call} to
   * exercise resumable chunks and listing pages.
   */
  public Map<String, String> hadoopConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.gs.impl", "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem");
    conf.put("fs.AbstractFileSystem.gs.impl", "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFS");
    conf.put("fs.gs.storage.root.url", rootUrl());
    conf.put("fs.gs.storage.service.path", "storage/v1/");
    conf.put("fs.gs.auth.service.account.enable", "false");
    conf.put("fs.gs.auth.null.enable", "true");
    conf.put("fs.gs.project.id", "test");
    // The default timeouts are long, so tests against a local server fail fast instead.
    conf.put("fs.gs.http.connect-timeout", "5000");
    conf.put("fs.gs.http.read-timeout", "30000");
    return Map.copyOf(conf);
  }

  /** Returns the request counts by call kind. */
  public GcsCallCounters calls() {
    return counters;
  }

  /** Returns the fault injector, which fails the next calls of a kind with 429 or 503. */
  public GcsFaultInjector faults() {
    return faults;
  }

  /** Stops the server at once; object bodies stay on disk under the root directory. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.info("GCS test server on port {} stopped", port());
  }

  /**
   * Runs a server until SIGTERM: {@code GcsTestServer PORT ROOT_DIR [BUCKET...]}. Prints the port
   * it listens on as the only line on standard output.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("Usage: GcsTestServer PORT ROOT_DIR [BUCKET...]  (PORT 0 picks a free port)");
      System.exit(2);
    }
    GcsTestServer server = start(Paths.get(args[1]), Integer.parseInt(args[0]));
    for (int i = 2; i < args.length; i++) {
      server.createBucket(args[i]);
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

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "gcs-test-server-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
