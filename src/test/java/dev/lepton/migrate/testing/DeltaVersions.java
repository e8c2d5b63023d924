package dev.lepton.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compares what delta-spark reads from two copies of a table, version by version. */
public final class DeltaVersions {
  private DeltaVersions() {}

  public static long latestVersion(Path table) {
    return latestVersion(table.toString());
  }

  public static long latestVersion(String table) {
    return SharedSpark.session().sql("DESCRIBE HISTORY delta.`" + table + "` LIMIT 1").first().getLong(0);
  }

  /**
   * Asserts that the target reads the same rows as the source at every version the source can
   * read, and returns how many versions were compared.
   */
  public static int assertSameAtEveryReadableVersion(Path source, Path target) {
    return assertSameAtEveryReadableVersion(source.toString(), target.toString());
  }

  /** Compares two tables named by path or URI, such as {@code hdfs://127.0.0.1:9000/lake/t}. */
  public static int assertSameAtEveryReadableVersion(String source, String target) {
    long latest = latestVersion(source);
    assertThat(latestVersion(target)).as("latest version of %s", target).isEqualTo(latest);
    int compared = 0;
    for (long version = 0; version <= latest; version++) {
      Optional<List<String>> expected = rows(source, version);
      if (expected.isEmpty()) {
        continue;
      }
      Optional<List<String>> actual = rows(target, version);
      assertThat(actual).as("rows of %s at version %d", target, version).isPresent();
      assertThat(actual.get()).as("rows of %s at version %d", target, version).isEqualTo(expected.get());
      compared++;
    }
    return compared;
  }

  /** Returns the sorted rows of a version, or empty when delta-spark cannot read that version. */
  public static Optional<List<String>> rows(Path table, long version) {
    return rows(table.toString(), version);
  }

  public static Optional<List<String>> rows(String table, long version) {
    SparkSession spark = SharedSpark.session();
    try {
      Dataset<Row> data = spark.read().format("delta").option("versionAsOf", version).load(table);
      return Optional.of(asSortedJson(data));
    } catch (Exception e) {
      // Scala code throws checked exceptions such as AnalysisException without declaring them.
      return Optional.empty();
    }
  }

  /** Returns the sorted change rows between two versions of a table with change data feed. */
  public static List<String> changes(Path table, long from, long to) {
    return asSortedJson(SharedSpark.session().read().format("delta").option("readChangeFeed", "true")
        .option("startingVersion", from).option("endingVersion", to).load(table.toString())
        .drop("_commit_timestamp"));
  }

  /** Renders rows as JSON, so that binary values compare by content, and sorts them. */
  private static List<String> asSortedJson(Dataset<Row> data) {
    return data.toJSON().collectAsList().stream().sorted().toList();
  }
}
