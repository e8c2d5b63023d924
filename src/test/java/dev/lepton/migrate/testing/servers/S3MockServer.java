package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3Mock 5.2.0 in a child JVM on a free loopback port, with its buckets created at start-up. It
 * ignores request signatures, so the connector uses anonymous credentials.
 *
 * <p>S3Mock always opens a second plain-HTTP connector ({@code http.port}) on all interfaces; it
 * gets a free port of its own and the tests never use it.
 */
public final class S3MockServer implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final ServerProcess process;
  private final int port;
  private final Path root;

  private S3MockServer(ServerProcess process, int port, Path root) {
    this.process = process;
    this.port = port;
    this.root = root;
  }

  /** Starts a server that stores its objects under {@code dir} and has the given buckets. */
  public static S3MockServer start(Path dir, ServerProcess.Lifetime lifetime, String... buckets) throws IOException {
    Path root = dir.resolve("store");
    Files.createDirectories(root);
    int port = Ports.free();
    List<String> command = new ArrayList<>(ServerJars.javaJar(ServerJars.jar("s3mock.jar"), "768m", List.of()));
    command.addAll(List.of(
        "--server.address=" + Ports.LOOPBACK,
        "--server.port=" + port,
        "--server.ssl.enabled=false",
        "--http.port=" + Ports.free(),
        "--com.adobe.testing.s3mock.store.root=" + root,
        "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets),
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
    ServerProcess process =
        ServerProcess.start("S3Mock", command, dir.resolve("s3mock.log"), port, START_DEADLINE, lifetime);
    return new S3MockServer(process, port, root);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public String endpoint() {
    return "http://" + Ports.LOOPBACK + ":" + port;
  }

  /** Returns the folder where S3Mock keeps its buckets. */
  public Path root() {
    return root;
  }

  /**
   * Returns S3A settings for one bucket of this server, as per-bucket keys so that several S3
   * servers can serve one Hadoop configuration. See {@link S3Settings} for what each one prevents.
   */
  public Map<String, String> hadoopConf(String bucket) {
    Map<String, String> conf = new LinkedHashMap<>(S3Settings.loopback(bucket, endpoint(),
        "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider"));
    return conf;
  }

  @Override
  public void close() {
    process.close();
  }

  /** Runs a server until the JVM is stopped: {@code S3MockServer DIR BUCKET...}. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: S3MockServer DIR BUCKET...");
      System.exit(2);
    }
    String[] buckets = java.util.Arrays.copyOfRange(args, 1, args.length);
    try (S3MockServer server = start(Path.of(args[0]), ServerProcess.Lifetime.BOUND_TO_JVM, buckets)) {
      System.out.println("S3Mock listens on " + server.endpoint() + " (pid " + server.pid() + ")");
      new java.util.concurrent.CountDownLatch(1).await();
    }
  }
}
