package dev.lepton.migrate.spark;

import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.verify.CheckStatus;
import dev.lepton.migrate.verify.ReconciliationRow;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Compares row counts of one Delta table on source and target at each side's latest version, for the
 * whole table and per partition. A side that cannot be read gives unverified rows, never a match.
 */
final class TableCounts {
  private final SparkSession spark;

  TableCounts(SparkSession spark) {
    this.spark = spark;
  }

  /** Counts of one side: total, per partition, the version counted, or the error that stopped it. */
  private record Side(Long total, Map<String, Long> partitions, Long version, String error) {}

  List<ReconciliationRow> compare(String table, Location source, Location target) {
    Side sourceSide = count(source);
    Side targetSide = count(target);
    List<ReconciliationRow> rows = new ArrayList<>();
    CheckStatus status = ReconciliationRow.compare(sourceSide.total(), targetSide.total());
    rows.add(new ReconciliationRow("table", table, null, sourceSide.total(), targetSide.total(),
        sourceSide.version(), targetSide.version(), status, detail(sourceSide, targetSide)));

    TreeSet<String> partitions = new TreeSet<>(sourceSide.partitions().keySet());
    partitions.addAll(targetSide.partitions().keySet());
    for (String partition : partitions) {
      Long s = sourceSide.error() == null ? sourceSide.partitions().getOrDefault(partition, 0L) : null;
      Long t = targetSide.error() == null ? targetSide.partitions().getOrDefault(partition, 0L) : null;
      rows.add(new ReconciliationRow("partition", table, partition, s, t, sourceSide.version(),
          targetSide.version(), ReconciliationRow.compare(s, t), ""));
    }
    return rows;
  }

  private static String detail(Side source, Side target) {
    List<String> parts = new ArrayList<>();
    if (source.error() != null) {
      parts.add("source: " + source.error());
    }
    if (target.error() != null) {
      parts.add("target: " + target.error());
    }
    if (source.version() != null && target.version() != null && !source.version().equals(target.version())) {
      parts.add("versions differ: source " + source.version() + ", target " + target.version());
    }
    return String.join("; ", parts);
  }

  private Side count(Location table) {
    try {
      if (!DeltaTable.isDeltaTable(spark, table.toString())) {
        return new Side(null, Map.of(), null, "not a Delta table");
      }
      DeltaTable delta = DeltaTable.forPath(spark, table.toString());
      Row detail = delta.detail().select("partitionColumns").first();
      List<String> partitionColumns = detail.getList(0);
      Long version = delta.history(1).select("version").first().getLong(0);
      Dataset<Row> data = spark.read().format("delta").option("versionAsOf", version).load(table.toString());
      if (partitionColumns.isEmpty()) {
        return new Side(data.count(), Map.of(), version, null);
      }
      Column[] columns = partitionColumns.stream().map(functions::col).toArray(Column[]::new);
      Map<String, Long> partitions = new HashMap<>();
      long total = 0;
      for (Row row : data.groupBy(columns).count().collectAsList()) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < partitionColumns.size(); i++) {
          key.append(i == 0 ? "" : "/").append(partitionColumns.get(i)).append('=')
              .append(row.isNullAt(i) ? "null" : row.get(i).toString());
        }
        long count = row.getLong(partitionColumns.size());
        partitions.put(key.toString(), count);
        total += count;
      }
      return new Side(total, partitions, version, null);
    } catch (RuntimeException e) {
      return new Side(null, Map.of(), null, "cannot count rows: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
