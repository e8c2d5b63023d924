package dev.lepton.migrate.testing;

import java.net.URI;
import java.util.logging.Logger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Makes the AWS SDK v1 and the GCS connector emit the warnings that a local run shows. It runs in a
 * JVM of its own, because the SDK warns only once per JVM, when its Base64 class loads. It routes
 * java.util.logging to SLF4J as Spark does, so the log4j config given with
 * -Dlog4j2.configurationFile decides what reaches the output. It also writes one warning to a
 * neighbour of each logger, which a config that quiets loggers by exact name lets through.
 */
public final class ConnectorWarnings {
  private static final String AWS_NEIGHBOUR = "com.amazonaws.util.Base64Neighbour";
  private static final String GCS_NEIGHBOUR = "com.google.cloud.hadoop.repackaged.gcs.com.google.cloud.hadoop.util.Neighbour";

  private ConnectorWarnings() {}

  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();

    com.amazonaws.util.Base64.encodeAsString(new byte[] {1, 2, 3});
    Configuration conf = new Configuration(false);
    conf.set("fs.gs.impl", "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem");
    conf.set("fs.gs.auth.service.account.enable", "false");
    conf.set("fs.gs.auth.null.enable", "true");
    conf.set("fs.gs.project.id", "probe");
    // Port 9 (discard) on loopback, so that any request the connector sends stays on this host.
    conf.set("fs.gs.storage.root.url", "http://127.0.0.1:9/");
    FileSystem.newInstance(URI.create("gs://probe-bucket/"), conf).close();

    Logger.getLogger(AWS_NEIGHBOUR).warning("neighbour of the AWS logger");
    Logger.getLogger(GCS_NEIGHBOUR).warning("neighbour of the GCS logger");
  }
}
