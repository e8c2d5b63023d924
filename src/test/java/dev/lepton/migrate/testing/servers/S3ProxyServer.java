package dev.lepton.migrate.testing.servers;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.Protocol;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * s3proxy 4.1.0 in a child JVM on a free loopback port, storing objects as local files (jclouds
 * {@code filesystem} provider) and checking AWS v2 and v4 signatures against fixed test keys.
 *
 * <p>The keys never go into a file: the server JVM gets them as system properties, which s3proxy
 * merges over its properties file, and the connector reads them from this JVM's system properties
 * {@code aws.accessKeyId} and {@code aws.secretKey} through the SDK's
 * {@code SystemPropertiesCredentialsProvider}. A copy in a fresh JVM (such as
 * {@code bin/lepton-migrate}) takes them from {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} through {@code EnvironmentVariableCredentialsProvider} instead.
 */
public final class S3ProxyServer implements AutoCloseable {
  /** Test keys: they only open this loopback server. */
  public static final String ACCESS_KEY = "lepton-test-access-key";
  public static final String SECRET_KEY = "lepton-test-secret-key";
  public static final String SYSTEM_PROPERTIES_PROVIDER = "com.amazonaws.auth.SystemPropertiesCredentialsProvider";
  public static final String ENVIRONMENT_PROVIDER = "com.amazonaws.auth.EnvironmentVariableCredentialsProvider";
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private final ServerProcess process;
  private final int port;

  private S3ProxyServer(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server that stores its objects under {@code dir} and has the given buckets. */
  public static S3ProxyServer start(Path dir, ServerProcess.Lifetime lifetime, String... buckets) throws IOException {
    Path basedir = dir.resolve("store");
    for (String bucket : buckets) {
      // The filesystem provider serves each folder of its base directory as a bucket.
      Files.createDirectories(basedir.resolve(bucket));
    }
    int port = Ports.free();
    Properties properties = new Properties();
    properties.setProperty("s3proxy.endpoint", "http://" + Ports.LOOPBACK + ":" + port);
    properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    properties.setProperty("jclouds.provider", "filesystem");
    properties.setProperty("jclouds.filesystem.basedir", basedir.toString());
    Path file = dir.resolve("s3proxy.properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "s3proxy test server; the keys come as system properties");
    }
    List<String> command = new ArrayList<>(ServerJars.javaJar(ServerJars.jar("s3proxy.jar"), "512m",
        List.of("-Ds3proxy.identity=" + ACCESS_KEY, "-Ds3proxy.credential=" + SECRET_KEY)));
    command.addAll(List.of("--properties", file.toString()));
    ServerProcess process =
        ServerProcess.start("s3proxy", command, dir.resolve("s3proxy.log"), port, START_DEADLINE, lifetime);
    return new S3ProxyServer(process, port);
  }

  /** Makes the test keys available to {@link #SYSTEM_PROPERTIES_PROVIDER} in this JVM. */
  public static void exposeKeysToThisJvm() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretKey", SECRET_KEY);
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

  /**
   * Returns S3A settings for one bucket, with the given credentials provider (one of the two
   * constants above). Hadoop 3.3.4 checks S3 object versions by etag on the server side by default,
   * which s3proxy rejects, so change detection runs on the client.
   */
  public Map<String, String> hadoopConf(String bucket, String credentialsProvider) {
    Map<String, String> conf = new LinkedHashMap<>(S3Settings.loopback(bucket, endpoint(), credentialsProvider));
    conf.put("fs.s3a.bucket." + bucket + ".change.detection.mode", "client");
    return conf;
  }

  /**
   * Writes each object as {@code BUCKET/PREFIX+NAME} with one signed PUT request of the AWS SDK
   * that S3A uses, with the test keys. S3A's create sends several requests per object.
   */
  public void putObjects(String bucket, String prefix, List<String> names) throws Exception {
    AmazonS3 s3 = AmazonS3ClientBuilder.standard()
        .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint(), "us-east-1"))
        .withPathStyleAccessEnabled(true)
        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY)))
        .withClientConfiguration(new ClientConfiguration()
            .withProtocol(Protocol.HTTP)
            .withMaxConnections(ObjectSeeding.WRITES_IN_FLIGHT))
        .build();
    try {
      ObjectSeeding.parallelWrites(names, name -> s3.putObject(bucket, prefix + name, name));
    } finally {
      s3.shutdown();
    }
  }

  @Override
  public void close() {
    process.close();
  }

  /** Runs a server until the JVM is stopped: {@code S3ProxyServer DIR BUCKET...}. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: S3ProxyServer DIR BUCKET...");
      System.exit(2);
    }
    String[] buckets = java.util.Arrays.copyOfRange(args, 1, args.length);
    try (S3ProxyServer server = start(Path.of(args[0]), ServerProcess.Lifetime.BOUND_TO_JVM, buckets)) {
      System.out.println("s3proxy listens on " + server.endpoint() + " (pid " + server.pid() + ")");
      new java.util.concurrent.CountDownLatch(1).await();
    }
  }
}
