package dev.lepton.migrate.generate;

import java.util.List;
import java.util.Objects;

/**
 * One Delta table written by {@code generate}.
 *
 * @param name TPC-H table name, for example {@code lineitem}
 * @param path fully qualified path of the Delta table
 * @param rows rows written, from the Delta commit's operation metrics
 * @param bytes bytes of data files written, from the same metrics
 * @param partitionColumns partition columns, empty for unpartitioned tables
 */
public record TableSummary(
    String name, String path, long rows, long bytes, List<String> partitionColumns) {

  public TableSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "Rows and bytes of table " + name + " must not be negative: " + rows + ", " + bytes);
    }
    partitionColumns = List.copyOf(partitionColumns);
  }
}
