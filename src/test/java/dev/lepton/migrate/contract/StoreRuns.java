package dev.lepton.migrate.contract;

import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.servers.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Runs the command line against test stores, passing each store's connector settings the way a
 * user would: {@code --set migration.stores.hadoop={...}} for the free-form keys, and
 * {@code migration.stores.s3} for the multipart sizes.
 */
final class StoreRuns {
  /** Part size and threshold small enough that a 40 MB file goes up in several parts. */
  static final String MULTIPART_SIZE = "8MiB";

  private StoreRuns() {}

  static Cli.Result run(List<TestStore> stores, String command, String source, String target, String... extra) {
    Configuration session = SharedSpark.session().sparkContext().hadoopConfiguration();
    stores.forEach(store -> store.secretHadoopConf().forEach(session::set));
    return Cli.run(arguments(stores, command, source, target, extra).toArray(String[]::new));
  }

  /** Returns {@code --conf spark.hadoop.KEY=VALUE} for the stores' secrets, for a copy in a child JVM. */
  static List<String> secretConfs(List<TestStore> stores) {
    List<String> confs = new ArrayList<>();
    stores.forEach(store -> store.secretHadoopConf().forEach((key, value) -> {
      confs.add("--conf");
      confs.add("spark.hadoop." + key + "=" + value);
    }));
    return confs;
  }

  static List<String> arguments(List<TestStore> stores, String command, String source, String target, String... extra) {
    List<String> args = new ArrayList<>(List.of(command, "--source", source, "--target", target));
    args.addAll(storeSettings(stores));
    args.addAll(List.of(extra));
    return args;
  }

  static List<String> storeSettings(List<TestStore> stores) {
    Map<String, String> hadoop = new LinkedHashMap<>();
    stores.forEach(store -> hadoop.putAll(store.hadoopConf()));
    return List.of(
        "--set", "migration.stores.hadoop=" + hocon(hadoop),
        "--set", "migration.stores.s3.multipart-size=" + MULTIPART_SIZE,
        "--set", "migration.stores.s3.multipart-threshold=" + MULTIPART_SIZE);
  }

  private static String hocon(Map<String, String> settings) {
    StringBuilder out = new StringBuilder("{");
    settings.forEach((key, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(key)).append('=').append(quote(value));
    });
    return out.append('}').toString();
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Returns the file system of a URI, configured like the shared session's tasks. */
  static FileSystem fileSystem(String uri, List<TestStore> stores) throws IOException {
    return FileSystem.get(URI.create(uri), configuration(stores));
  }

  /** Returns the shared session's Hadoop configuration with the stores' settings and secrets added. */
  static Configuration configuration(List<TestStore> stores) {
    Configuration conf = new Configuration(SharedSpark.session().sparkContext().hadoopConfiguration());
    stores.forEach(store -> store.hadoopConf().forEach(conf::set));
    stores.forEach(store -> store.secretHadoopConf().forEach(conf::set));
    return conf;
  }

  /** Builds the Hadoop path of a file below a root URI, keeping awkward characters in the name. */
  static Path path(String rootUri, String relative) {
    URI root = URI.create(rootUri);
    String base = root.getPath().endsWith("/") ? root.getPath() : root.getPath() + "/";
    try {
      return new Path(new URI(root.getScheme(), root.getAuthority(), base + relative, null, null));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Flips one byte in the middle of a file by rewriting it whole, as object stores require. */
  static void corrupt(FileSystem fs, Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = fs.open(file)) {
      bytes = in.readAllBytes();
    }
    bytes[bytes.length / 2] ^= (byte) 0xff;
    try (OutputStream out = fs.create(file, true)) {
      out.write(bytes);
    }
  }
}
