package dev.lepton.migrate.generate;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Layout of one TPC-H table as a Delta table: its Spark schema, its partition column and the
 * number of generator parts (Spark tasks) that produce it.
 *
 * <p>Column types: identifiers are {@code bigint}, integers {@code int}, dates {@code date}, text
 * {@code string}, and every decimal column of the TPC-H specification (prices, quantities,
 * discounts, taxes, balances) is {@code decimal(15,2)}, the type the specification gives, so sums are
 * exact.
 *
 * @param name TPC-H table name, such as {@code lineitem}
 * @param rowsAtScaleOne row count at scale factor 1 (lineitem's is an estimate: 4 lines per order on
 *     average gives 6,001,215 at scale factor 1)
 * @param scalesWithFactor false for nation and region, whose rows do not depend on the scale factor
 * @param yearColumn name of the added partition column, or null for an unpartitioned table
 * @param yearSourceColumn date column that {@code yearColumn} is the year of, or null
 */
record TpchTableLayout(
    String name,
    long rowsAtScaleOne,
    boolean scalesWithFactor,
    String yearColumn,
    String yearSourceColumn) {

  static final DataType DECIMAL_TYPE = DataTypes.createDecimalType(15, 2);

  /**
   * Rows of one generator part. At scale factor 0.1 a million rows of lineitem, orders or partsupp
   * measured 31 to 53 MB of Snappy Parquet, so an unpartitioned table gets files of that size.
   */
  static final long ROWS_PER_PART = 1_000_000;

  private static final List<TpchTableLayout> LAYOUTS =
      List.of(
          new TpchTableLayout("region", 5, false, null, null),
          new TpchTableLayout("nation", 25, false, null, null),
          new TpchTableLayout("supplier", 10_000, true, null, null),
          new TpchTableLayout("customer", 150_000, true, null, null),
          new TpchTableLayout("part", 200_000, true, null, null),
          new TpchTableLayout("partsupp", 800_000, true, null, null),
          new TpchTableLayout("orders", 1_500_000, true, "o_orderyear", "o_orderdate"),
          new TpchTableLayout("lineitem", 6_000_000, true, "l_shipyear", "l_shipdate"));

  private static final Map<TpchColumnType.Base, DataType> SPARK_TYPES =
      Map.of(
          TpchColumnType.Base.IDENTIFIER, DataTypes.LongType,
          TpchColumnType.Base.INTEGER, DataTypes.IntegerType,
          TpchColumnType.Base.DATE, DataTypes.DateType,
          TpchColumnType.Base.DOUBLE, DECIMAL_TYPE,
          TpchColumnType.Base.VARCHAR, DataTypes.StringType);

  /** Returns the eight table names, smallest table first. */
  static List<String> tableNames() {
    return LAYOUTS.stream().map(TpchTableLayout::name).toList();
  }

  static TpchTableLayout forTable(String name) {
    return LAYOUTS.stream()
        .filter(layout -> layout.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown TPC-H table: " + name));
  }

  TpchTable<?> tpchTable() {
    return TpchTable.getTable(name);
  }

  boolean partitioned() {
    return yearColumn != null;
  }

  List<String> partitionColumns() {
    return partitioned() ? List.of(yearColumn) : List.of();
  }

  /** Returns the position of {@code yearSourceColumn} among the generator's columns, or -1. */
  int yearSourceIndex() {
    if (!partitioned()) {
      return -1;
    }
    List<String> names = tpchTable().getColumns().stream().map(c -> c.getColumnName()).toList();
    return names.indexOf(yearSourceColumn);
  }

  /** Returns the number of generator parts for a scale factor: one per million rows, at least one. */
  int partCount(double scaleFactor) {
    if (!scalesWithFactor) {
      return 1;
    }
    double rows = rowsAtScaleOne * scaleFactor;
    return (int) Math.max(1, Math.ceil(rows / ROWS_PER_PART));
  }

  StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (TpchColumn<?> column : tpchTable().getColumns()) {
      DataType type = SPARK_TYPES.get(column.getType().getBase());
      fields.add(DataTypes.createStructField(column.getColumnName(), type, false));
    }
    if (partitioned()) {
      fields.add(DataTypes.createStructField(yearColumn, DataTypes.IntegerType, false));
    }
    return DataTypes.createStructType(fields);
  }
}
