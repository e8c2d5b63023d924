package dev.lepton.migrate.testing.servers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The program behind {@code bin/test-servers}: starts the loopback test servers as processes that
 * outlive it, records their PIDs and ports in a state folder, and stops them by PID.
 *
 * <pre>
 * start DIR [NAME...]   start servers (default: all) and write DIR/servers.properties and DIR/stores.conf
 * status DIR            print each server's PID, port and whether it runs
 * stop DIR              stop every recorded server by PID
 * </pre>
 */
public final class TestServersCommand {
  static final List<String> ALL = List.of("s3mock", "s3proxy", "azurite", "hdfs", "gcs", "abfs");
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);

  private TestServersCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: TestServersCommand start|status|stop DIR [NAME...]; names: " + String.join(" ", ALL));
      System.exit(2);
    }
    Path dir = Path.of(args[1]).toAbsolutePath();
    List<String> names = args.length > 2 ? List.of(args).subList(2, args.length) : ALL;
    int code = switch (args[0]) {
      case "start" -> start(dir, names);
      case "status" -> status(dir);
      case "stop" -> stop(dir);
      default -> {
        System.err.println("Unknown command '" + args[0] + "': use start, status or stop.");
        yield 2;
      }
    };
    System.exit(code);
  }

  private static int start(Path dir, List<String> names) throws Exception {
    for (String name : names) {
      if (!ALL.contains(name)) {
        System.err.println("Unknown server '" + name + "': use one of " + String.join(", ", ALL) + ".");
        return 2;
      }
    }
    Properties recorded = read(dir);
    Map<String, String> conf = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      if (recorded.containsKey(name + ".pid") && ProcessHandle.of(pid(recorded, name)).map(ProcessHandle::isAlive).orElse(false)) {
        System.err.println(name + " already runs (pid " + recorded.getProperty(name + ".pid") + "); stop it first.");
        return 1;
      }
      Started started = startOne(name, dir.resolve(name));
      recorded.setProperty(name + ".pid", Long.toString(started.pid()));
      recorded.setProperty(name + ".port", Integer.toString(started.port()));
      recorded.setProperty(name + ".uri", started.uri());
      conf.putAll(started.conf());
      lines.add(String.format("%-8s pid %-7d %s", name, started.pid(), started.uri()));
      write(dir, recorded);
    }
    writeStoresConf(dir.resolve("stores.conf"), conf);
    lines.forEach(System.out::println);
    System.out.println("Connector settings: " + dir.resolve("stores.conf") + " (use with --config)");
    if (names.contains("s3proxy")) {
      System.out.println("s3proxy checks signatures; give the connector its test keys with:\n  export AWS_ACCESS_KEY_ID="
          + S3ProxyServer.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY=" + S3ProxyServer.SECRET_KEY);
    }
    if (names.contains("abfs")) {
      System.out.println("The ABFS server checks shared-key signatures; pass its test key with\n  --conf "
          + "spark.hadoop.fs.azure.account.key.leptontest.dfs.core.windows.net=" + abfsKey());
    }
    return 0;
  }

  private record Started(long pid, int port, String uri, Map<String, String> conf) {}

  private static Started startOne(String name, Path dir) throws Exception {
    Files.createDirectories(dir);
    ServerProcess.Lifetime detached = ServerProcess.Lifetime.DETACHED;
    switch (name) {
      case "s3mock" -> {
        S3MockServer server = S3MockServer.start(dir, detached, "lake");
        return new Started(server.pid(), server.port(), "s3a://lake/", server.hadoopConf("lake"));
      }
      case "s3proxy" -> {
        S3ProxyServer server = S3ProxyServer.start(dir, detached, "proxy-lake");
        return new Started(server.pid(), server.port(), "s3a://proxy-lake/",
            server.hadoopConf("proxy-lake", S3ProxyServer.ENVIRONMENT_PROVIDER));
      }
      case "azurite" -> {
        AzuriteServer server = AzuriteServer.start(dir, detached);
        return new Started(server.pid(), AzuriteServer.PORT, AzuriteServer.uri("lake", ""), AzuriteServer.hadoopConf());
      }
      case "hdfs" -> {
        int port = Ports.free();
        ServerProcess process = childJvm("HDFS", HdfsServer.class.getName(), dir, port, List.of(dir.toString(), Integer.toString(port)));
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("dfs.checksum.combine.mode", "COMPOSITE_CRC");
        return new Started(process.pid(), port, "hdfs://127.0.0.1:" + port + "/", conf);
      }
      case "gcs" -> {
        int port = Ports.free();
        ServerProcess process = childJvm("GCS", "dev.lepton.migrate.testing.gcs.GcsTestServer", dir, port,
            List.of(Integer.toString(port), dir.resolve("store").toString(), "lake"));
        return new Started(process.pid(), port, "gs://lake/", gcsConf(port));
      }
      case "abfs" -> {
        int port = Ports.free();
        ServerProcess process = childJvm("ABFS", "dev.lepton.migrate.testing.abfs.AbfsTestServer", dir, port,
            List.of(Integer.toString(port), dir.resolve("store").toString(), "lake"));
        return new Started(process.pid(), port, "abfs://lake@leptontest.dfs.core.windows.net/", abfsConf(port));
      }
      default -> throw new IllegalArgumentException(name);
    }
  }

  /** Runs a server's main class in a JVM of its own on this JVM's classpath and Java 17 flags. */
  private static ServerProcess childJvm(String name, String mainClass, Path dir, int port, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
        .toList());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return ServerProcess.start(name, command, dir.resolve("server.log"), port, START_DEADLINE,
        ServerProcess.Lifetime.DETACHED);
  }

  /** GCS connector settings: the loopback root URL and no credentials, so the connector contacts no Google endpoint. */
  private static Map<String, String> gcsConf(int port) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.gs.storage.root.url", "http://127.0.0.1:" + port + "/");
    conf.put("fs.gs.storage.service.path", "storage/v1/");
    conf.put("fs.gs.auth.service.account.enable", "false");
    conf.put("fs.gs.auth.null.enable", "true");
    conf.put("fs.gs.project.id", "test");
    return conf;
  }

  /**
   * ABFS settings without the account key, which is a secret and goes on the command line instead:
   * the endpoint override sends every request to loopback rather than to the account's host name.
   */
  private static Map<String, String> abfsConf(int port) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.azure.abfs.endpoint", "127.0.0.1:" + port);
    conf.put("fs.azure.always.use.https", "false");
    conf.put("fs.azure.account.auth.type", "SharedKey");
    conf.put("fs.azure.account.hns.enabled", "true");
    return conf;
  }

  private static String abfsKey() throws ReflectiveOperationException {
    return (String) Class.forName("dev.lepton.migrate.testing.abfs.AbfsTestServer").getField("ACCOUNT_KEY").get(null);
  }

  private static int status(Path dir) throws IOException {
    Properties recorded = read(dir);
    if (recorded.isEmpty()) {
      System.out.println("No servers recorded in " + dir.resolve("servers.properties"));
      return 0;
    }
    for (String name : ALL) {
      if (recorded.containsKey(name + ".pid")) {
        long pid = pid(recorded, name);
        int port = Integer.parseInt(recorded.getProperty(name + ".port"));
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        System.out.printf("%-8s pid %-7d port %-5d %s, %s%n", name, pid, port, alive ? "running" : "not running",
            Ports.isListening(port) ? "listening" : "not listening");
      }
    }
    return 0;
  }

  private static int stop(Path dir) throws IOException {
    Properties recorded = read(dir);
    int failures = 0;
    for (String name : ALL) {
      if (recorded.containsKey(name + ".pid")) {
        long pid = pid(recorded, name);
        boolean stopped = ServerProcess.stop(pid);
        System.out.println(name + " (pid " + pid + "): " + (stopped ? "stopped" : "still running"));
        if (stopped) {
          recorded.remove(name + ".pid");
          recorded.remove(name + ".port");
          recorded.remove(name + ".uri");
        } else {
          failures++;
        }
      }
    }
    write(dir, recorded);
    return failures == 0 ? 0 : 1;
  }

  private static long pid(Properties recorded, String name) {
    return Long.parseLong(recorded.getProperty(name + ".pid"));
  }

  private static Properties read(Path dir) throws IOException {
    Properties properties = new Properties();
    Path file = dir.resolve("servers.properties");
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
    }
    return properties;
  }

  private static void write(Path dir, Properties properties) throws IOException {
    Files.createDirectories(dir);
    try (Writer out = Files.newBufferedWriter(dir.resolve("servers.properties"))) {
      properties.store(out, "Test servers started by bin/test-servers: PID, port and URI of each");
    }
  }

  private static void writeStoresConf(Path file, Map<String, String> conf) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# Connector settings for the loopback test servers, written by bin/test-servers start.\n");
    out.append("# Use with: bin/lepton-migrate COMMAND --config ").append(file).append(" ...\n");
    out.append("migration.stores.hadoop {\n");
    conf.forEach((key, value) -> out.append("  \"").append(key).append("\" = \"").append(value).append("\"\n"));
    out.append("}\n");
    Files.writeString(file, out);
  }
}
