package dev.lepton.migrate.testing.servers;

import dev.lepton.migrate.testing.abfs.AbfsTestServer;
import dev.lepton.migrate.testing.gcs.GcsTestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback stores of the contract tests, each started on a folder of its own. Every start uses
 * a bucket or container name of its own, because Hadoop caches one file system per scheme and
 * authority for the whole JVM. A second server behind a reused name would get a connector still
 * bound to the first server's port.
 */
public final class TestStores {
  private static final AtomicInteger STARTS = new AtomicInteger();

  private TestStores() {}

  private static String unique(String name) {
    return name + "-" + STARTS.incrementAndGet();
  }

  /** Starts S3Mock with a bucket named {@code lake-N}. */
  public static TestStore s3mock(Path dir) throws IOException {
    String bucket = unique("lake");
    S3MockServer server = S3MockServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM, bucket);
    ObjectWriter puts = (store, folder, names) -> ObjectSeeding.s3Puts(server.endpoint(), bucket, folder + "/", names);
    return new Wrapped("s3mock", "s3a://" + bucket + "/", server.hadoopConf(bucket), Map.of(), Map.of(), puts,
        server::close);
  }

  /**
   * Starts s3proxy with a bucket named {@code proxy-lake-N}. The credentials chain reads the test keys from
   * system properties in the test JVM and from the environment in a child JVM.
   */
  public static TestStore s3proxy(Path dir) throws IOException {
    String bucket = unique("proxy-lake");
    S3ProxyServer server = S3ProxyServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM, bucket);
    S3ProxyServer.exposeKeysToThisJvm();
    String providers = S3ProxyServer.SYSTEM_PROPERTIES_PROVIDER + "," + S3ProxyServer.ENVIRONMENT_PROVIDER;
    Map<String, String> environment = Map.of(
        "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
    return new Wrapped("s3proxy", "s3a://" + bucket + "/", server.hadoopConf(bucket, providers), Map.of(),
        environment, (store, folder, names) -> server.putObjects(bucket, folder + "/", names), server::close);
  }

  /** Starts Azurite, used through WASB in a container named {@code lake-N}. */
  public static TestStore azurite(Path dir) throws IOException {
    AzuriteServer server = AzuriteServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM);
    String container = unique("lake");
    ObjectWriter blobs = (store, folder, names) -> AzuriteServer.uploadBlobs(container, folder + "/", names);
    return new Wrapped("wasb", AzuriteServer.uri(container, ""), AzuriteServer.hadoopConf(), Map.of(), Map.of(),
        blobs, server::close);
  }

  /** Starts a MiniDFSCluster in this JVM. */
  public static TestStore hdfs(Path dir) throws IOException {
    HdfsServer server = HdfsServer.start(dir);
    return new Wrapped("hdfs", server.uri(""), server.hadoopConf(), Map.of(), Map.of(), FILE_SYSTEM, server::close);
  }

  /** Starts the project's GCS JSON API test server with a bucket named {@code lake-N}, without credentials. */
  public static TestStore gcs(Path dir) throws IOException {
    GcsTestServer server = GcsTestServer.start(dir);
    String bucket = unique("lake");
    server.createBucket(bucket);
    ObjectWriter uploads =
        (store, folder, names) -> ObjectSeeding.gcsMediaUploads(server.rootUrl(), bucket, folder + "/", names);
    return new Wrapped("gcs", "gs://" + bucket + "/", server.hadoopConf(), Map.of(), Map.of(), uploads, server::close);
  }

  /**
   * Starts the project's ADLS Gen2 (DFS endpoint) test server, used through ABFS in a file system
   * named {@code lake-N}. The account key is a test secret, kept apart from the other settings.
   */
  public static TestStore abfs(Path dir) throws IOException {
    return abfs(AbfsTestServer.start(dir));
  }

  /** As {@link #abfs(Path)}, over HTTPS with {@code abfss://} URIs. */
  public static TestStore abfss(Path dir) throws IOException {
    return abfs(AbfsTestServer.startTls(dir));
  }

  private static TestStore abfs(AbfsTestServer server) {
    String filesystem = unique("lake");
    server.createFilesystem(filesystem);
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    server.hadoopConf().forEach((key, value) -> (key.startsWith("fs.azure.account.key.") ? secrets : settings)
        .put(key, value));
    String root = server.rootUri(filesystem);
    return new Wrapped(root.substring(0, root.indexOf(':')), root, settings, secrets, Map.of(), FILE_SYSTEM,
        server::close);
  }

  private interface Closer {
    void close() throws Exception;
  }

  /** The store's way of writing many small objects. */
  private interface ObjectWriter {
    void write(Wrapped store, String folder, List<String> names) throws Exception;
  }

  /** Creates the objects through the store's Hadoop connector, for stores without a cheaper write. */
  private static final ObjectWriter FILE_SYSTEM = (store, folder, names) ->
      ObjectSeeding.fileSystemCreates(store.uri(folder), store.hadoopConfiguration(), names);

  private record Wrapped(String name, String root, Map<String, String> hadoopConf,
      Map<String, String> secretHadoopConf, Map<String, String> childEnvironment, ObjectWriter writer,
      Closer closer) implements TestStore {
    @Override
    public String uri(String folder) {
      String base = root.endsWith("/") ? root : root + "/";
      return base + folder;
    }

    @Override
    public void writeObjects(String folder, List<String> names) throws Exception {
      writer.write(this, folder, names);
    }

    /**
     * Stops the server and drops Hadoop's cached file system of the store, which would otherwise
     * keep the stopped server's port for the next server on the same bucket.
     */
    @Override
    public void close() throws Exception {
      dev.lepton.migrate.testing.SharedSpark.forgetFileSystem(root);
      closer.close();
      try {
        org.apache.hadoop.fs.FileSystem.get(URI.create(root), hadoopConfiguration()).close();
      } catch (java.io.IOException | RuntimeException e) {
        // Nothing was cached, and a new instance cannot reach the stopped server.
      }
    }
  }
}
