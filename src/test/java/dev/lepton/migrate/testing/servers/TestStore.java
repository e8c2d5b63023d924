package dev.lepton.migrate.testing.servers;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A store on a loopback test server, as the contract tests see it: URIs of folders, and the Hadoop
 * settings that point its connector at the server and at test credentials.
 */
public interface TestStore extends AutoCloseable {
  /** Short name for test output, e.g. {@code s3mock}. */
  String name();

  /** Returns the URI of a folder of this store, e.g. {@code s3a://bucket/folder}. */
  String uri(String folder);

  /**
   * Writes one small object per name below {@code folder}, each containing its name in UTF-8 (see
   * {@link ObjectSeeding}). It uses the cheapest real write of the store, several at a time, so
   * that tests can fill a folder with thousands of objects in seconds. By default it creates files
   * through the store's Hadoop connector.
   */
  default void writeObjects(String folder, List<String> names) throws Exception {
    ObjectSeeding.fileSystemCreates(uri(folder), hadoopConfiguration(), names);
  }

  /** Hadoop settings for this store's connector, all pointing at loopback. */
  Map<String, String> hadoopConf();

  /**
   * Hadoop settings that hold test secrets (an account key). The job rejects secrets in its config,
   * so tests set these on the Spark session's Hadoop configuration, as a credential provider would
   * supply them, and pass them to a child JVM with {@code --conf spark.hadoop.KEY=VALUE}.
   */
  default Map<String, String> secretHadoopConf() {
    return Map.of();
  }

  /** Returns a new Hadoop configuration with {@link #hadoopConf()} and {@link #secretHadoopConf()}. */
  default Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    hadoopConf().forEach(conf::set);
    secretHadoopConf().forEach(conf::set);
    return conf;
  }

  /**
   * Environment variables a copy in a child JVM needs for this store (test credentials), which an
   * in-process copy reads from system properties instead.
   */
  default Map<String, String> childEnvironment() {
    return Map.of();
  }

  @Override
  void close() throws Exception;
}
