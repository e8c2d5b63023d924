package dev.lepton.migrate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * One in-process HDFS (a NameNode and a DataNode) per test JVM, every address bound to 127.0.0.1,
 * started on first use and stopped when the JVM exits.
 */
public final class MiniHdfs {
  private static MiniDFSCluster cluster;

  private MiniHdfs() {}

  public static synchronized MiniDFSCluster cluster() {
    if (cluster == null) {
      try {
        File base = Files.createTempDirectory("lepton-minidfs").toFile();
        Configuration conf = new Configuration();
        for (String key : new String[] {"dfs.datanode.address", "dfs.datanode.http.address",
            "dfs.datanode.ipc.address", "dfs.namenode.http-address", "dfs.namenode.https-address",
            "dfs.datanode.https.address", "dfs.namenode.secondary.http-address"}) {
          conf.set(key, "127.0.0.1:0");
        }
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.servicerpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.https-bind-host", "127.0.0.1");
        conf.setBoolean("dfs.permissions.enabled", false);
        cluster = new MiniDFSCluster.Builder(conf, base).numDataNodes(1).build();
        cluster.waitActive();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cluster;
  }

  /** Returns the URI root, such as {@code hdfs://127.0.0.1:PORT}. */
  public static String uri() {
    return "hdfs://127.0.0.1:" + cluster().getNameNodePort();
  }

  public static FileSystem fileSystem() {
    try {
      return cluster().getFileSystem();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
