package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.testing.SharedSpark;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** What delta-spark itself reads from a table, as the reference the reader is checked against. */
final class SparkDelta {
  private SparkDelta() {}

  static SparkSession spark() {
    return SharedSpark.session();
  }

  /** Returns the data files Spark's Delta reader scans at {@code version}, as Hadoop paths. */
  static Set<String> inputFiles(Path table, long version) {
    String[] files =
        spark().read().format("delta").option("versionAsOf", version).load(table.toString())
            .inputFiles();
    Set<String> paths = new TreeSet<>();
    Arrays.stream(files).forEach(f -> paths.add(new Path(f).toString()));
    return paths;
  }

  /** Returns the newest version Spark's Delta reader sees. */
  static long latestVersion(Path table) {
    return spark()
        .sql("DESCRIBE HISTORY delta.`" + table + "` LIMIT 1")
        .select("version")
        .first()
        .getLong(0);
  }
}
