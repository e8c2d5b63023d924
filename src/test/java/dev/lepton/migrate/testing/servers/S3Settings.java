package dev.lepton.migrate.testing.servers;

import java.util.LinkedHashMap;
import java.util.Map;

/** S3A settings that keep the connector on a loopback test server and away from AWS. */
public final class S3Settings {
  /** Keys per LIST request in tests; S3 returns at most 1,000. */
  public static final int PAGE_SIZE = 100;

  private S3Settings() {}

  /**
   * Returns per-bucket S3A keys ({@code fs.s3a.bucket.BUCKET.*}) for a loopback server:
   * <ul>
   *   <li>{@code endpoint}: requests go to the server, never to a public AWS endpoint;
   *   <li>{@code endpoint.region}: the SDK does not look the region up (from the environment, a
   *       profile or the EC2 instance metadata address);
   *   <li>{@code path.style.access}: the bucket goes in the path, so no virtual-host name such as
   *       {@code BUCKET.127.0.0.1} is resolved through DNS;
   *   <li>{@code connection.ssl.enabled=false}: plain HTTP, as the servers speak;
   *   <li>{@code aws.credentials.provider}: only the given test provider, so the default chain never
   *       asks the instance metadata or container credentials addresses;
   *   <li>{@code attempts.maximum}, {@code retry.limit}: a broken server fails a test in seconds;
 *   <li>{@code paging.maximum}: small listing pages, so tests list across many pages.
   * </ul>
   */
  public static Map<String, String> loopback(String bucket, String endpoint, String credentialsProvider) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(prefix + "endpoint", endpoint);
    conf.put(prefix + "endpoint.region", "us-east-1");
    conf.put(prefix + "path.style.access", "true");
    conf.put(prefix + "connection.ssl.enabled", "false");
    conf.put(prefix + "aws.credentials.provider", credentialsProvider);
    conf.put(prefix + "attempts.maximum", "3");
    conf.put(prefix + "retry.limit", "3");
    conf.put(prefix + "retry.interval", "100ms");
    // Small listing pages, so that listings in tests span many pages.
    conf.put(prefix + "paging.maximum", Integer.toString(PAGE_SIZE));
    return conf;
  }
}
