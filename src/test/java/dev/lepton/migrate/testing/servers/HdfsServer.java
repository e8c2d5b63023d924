package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * An HDFS NameNode and one DataNode in this JVM ({@code MiniDFSCluster} from
 * hadoop-client-minicluster 3.3.4), on free loopback ports.
 */
public final class HdfsServer implements AutoCloseable {
  private final MiniDFSCluster cluster;

  private HdfsServer(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts a cluster whose NameNode and DataNode keep their data under {@code dir}. */
  public static HdfsServer start(Path dir) throws IOException {
    return start(dir, Ports.free());
  }

  /** Starts a cluster whose NameNode listens on {@code port}. */
  public static HdfsServer start(Path dir, int port) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.toAbsolutePath().toString());
    // Every RPC, HTTP and data transfer address on loopback; port 0 picks a free one.
    conf.set("dfs.namenode.rpc-address", Ports.LOOPBACK + ":0");
    conf.set("dfs.namenode.http-address", Ports.LOOPBACK + ":0");
    conf.set("dfs.datanode.address", Ports.LOOPBACK + ":0");
    conf.set("dfs.datanode.http.address", Ports.LOOPBACK + ":0");
    conf.set("dfs.datanode.ipc.address", Ports.LOOPBACK + ":0");
    conf.setBoolean("dfs.permissions.enabled", false);
    // Entries per listing RPC (default 1,000), small so that listings in tests span many pages.
    conf.setInt("dfs.ls.limit", 100);
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf)
        .numDataNodes(1)
        .nameNodePort(port)
        .checkDataNodeAddrConfig(true)
        .build();
    cluster.waitActive();
    return new HdfsServer(cluster);
  }

  public int port() {
    return cluster.getNameNodePort();
  }

  /** Returns the URI of a folder, e.g. {@code hdfs://127.0.0.1:PORT/folder}. */
  public String uri(String folder) {
    return "hdfs://" + Ports.LOOPBACK + ":" + port() + "/" + folder;
  }

  /**
   * Returns client settings: composite CRC file checksums, which do not depend on block or chunk
   * sizes, and few connection retries so that a stopped cluster fails a test in seconds.
   */
  public Map<String, String> hadoopConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("dfs.checksum.combine.mode", "COMPOSITE_CRC");
    conf.put("ipc.client.connect.max.retries", "2");
    // The first wait of a closing file for the DataNode's block report to reach the NameNode. With
    // the default, 400 ms, closes took most of the time of copying many small files here.
    conf.put("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "20");
    return conf;
  }

  @Override
  public void close() {
    cluster.shutdown();
  }

  /** Runs a cluster until the JVM is stopped: {@code HdfsServer DIR [PORT]}. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: HdfsServer DIR [PORT]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    HdfsServer server = args.length == 2 ? start(dir, Integer.parseInt(args[1])) : start(dir);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop HDFS"));
    System.out.println("HDFS listens on " + server.uri("") + " (pid " + ProcessHandle.current().pid() + ")");
    new java.util.concurrent.CountDownLatch(1).await();
  }
}
