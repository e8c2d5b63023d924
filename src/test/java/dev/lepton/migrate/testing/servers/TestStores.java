package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The loopback stores of the contract tests, each started on a folder of its own. */
public final class TestStores {
  private TestStores() {}

  /** S3Mock, with the bucket {@code lake}. */
  public static TestStore s3mock(Path dir) throws IOException {
    String bucket = "lake";
    S3MockServer server = S3MockServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM, bucket);
    return new Wrapped("s3mock", "s3a://" + bucket + "/", server.hadoopConf(bucket), Map.of(), server::close);
  }

  /**
   * s3proxy with the bucket {@code proxy-lake}. The credentials chain reads the test keys from
   * system properties in the test JVM and from the environment in a child JVM.
   */
  public static TestStore s3proxy(Path dir) throws IOException {
    String bucket = "proxy-lake";
    S3ProxyServer server = S3ProxyServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM, bucket);
    S3ProxyServer.exposeKeysToThisJvm();
    String providers = S3ProxyServer.SYSTEM_PROPERTIES_PROVIDER + "," + S3ProxyServer.ENVIRONMENT_PROVIDER;
    Map<String, String> environment = Map.of(
        "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
    return new Wrapped("s3proxy", "s3a://" + bucket + "/", server.hadoopConf(bucket, providers), environment,
        server::close);
  }

  /** Azurite through WASB, in the container {@code lake}. */
  public static TestStore azurite(Path dir) throws IOException {
    AzuriteServer server = AzuriteServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM);
    return new Wrapped("wasb", AzuriteServer.uri("lake", ""), AzuriteServer.hadoopConf(), Map.of(), server::close);
  }

  /** A MiniDFSCluster in this JVM. */
  public static TestStore hdfs(Path dir) throws IOException {
    HdfsServer server = HdfsServer.start(dir);
    return new Wrapped("hdfs", server.uri(""), server.hadoopConf(), Map.of(), server::close);
  }

  /** A folder on local disk, as the other side of a copy. */
  public static TestStore local(Path dir) {
    return new Wrapped("local", dir.toUri().toString(), Map.of(), Map.of(), () -> { });
  }

  private interface Closer {
    void close() throws Exception;
  }

  private record Wrapped(String name, String root, Map<String, String> hadoopConf,
      Map<String, String> childEnvironment, Closer closer) implements TestStore {
    @Override
    public String uri(String folder) {
      String base = root.endsWith("/") ? root : root + "/";
      return base + folder;
    }

    @Override
    public void close() throws Exception {
      closer.close();
    }
  }
}
