package dev.lepton.migrate.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Reads the job's Delta tables in a target's state folder. */
public final class StateTables {
  private StateTables() {}

  public static Dataset<Row> manifest(Path target) {
    return SharedSpark.session().read().format("delta").load(target.resolve("_lepton/manifest").toString());
  }

  public static Dataset<Row> runs(Path target) {
    return SharedSpark.session().read().format("delta").load(target.resolve("_lepton/runs").toString());
  }

  public static Dataset<Row> reconciliation(Path target) {
    return SharedSpark.session().read().format("delta").load(target.resolve("_lepton/reconciliation").toString());
  }

  /** Reads the manifest of a state folder given as a URI, e.g. {@code s3a://bucket/target/_lepton}. */
  public static Dataset<Row> manifest(String stateDir) {
    return SharedSpark.session().read().format("delta").load(stateDir + "/manifest");
  }

  /** Reads the run history of a state folder given as a URI. */
  public static Dataset<Row> runs(String stateDir) {
    return SharedSpark.session().read().format("delta").load(stateDir + "/runs");
  }

  /** Returns the id of the latest run in a state folder given as a URI. */
  public static String latestRunId(String stateDir) {
    return runs(stateDir).orderBy(functions.col("started_at").desc(), functions.col("run_id").desc())
        .select("run_id").first().getString(0);
  }

  /** Counts the manifest rows of a state folder's latest run by status. */
  public static Map<String, Long> latestStatusCounts(String stateDir) {
    String runId = latestRunId(stateDir);
    Map<String, Long> counts = new HashMap<>();
    List<Row> rows = manifest(stateDir).filter(functions.col("run_id").equalTo(runId))
        .groupBy("status").count().collectAsList();
    for (Row row : rows) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }

  /** Returns the id of the latest run recorded in the run history. */
  public static String latestRunId(Path target) {
    return runs(target).orderBy(functions.col("started_at").desc(), functions.col("run_id").desc())
        .select("run_id").first().getString(0);
  }

  /** Counts a run's manifest rows by status. */
  public static Map<String, Long> statusCounts(Path target, String runId) {
    Map<String, Long> counts = new HashMap<>();
    List<Row> rows = manifest(target).filter(functions.col("run_id").equalTo(runId))
        .groupBy("status").count().collectAsList();
    for (Row row : rows) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }
}
