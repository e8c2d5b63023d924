package dev.lepton.migrate.spark;

import dev.lepton.migrate.deltalog.BlindAppend;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends a few rows, already on the driver, to one of the job's state tables: through {@link
 * BlindAppend} when the table exists and is plain, which takes milliseconds, else through Spark's
 * Delta writer, which creates the table on first use.
 */
final class StateTableWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StateTableWriter.class);

  private StateTableWriter() {}

  static void append(SparkSession spark, Location table, StructType schema, List<Row> rows, String description) {
    if (rows.isEmpty()) {
      return;
    }
    List<BlindAppend.Column> columns = columns(schema);
    if (columns != null) {
      try {
        FileSystem fs = Stores.targetFileSystem(table, spark.sparkContext().hadoopConfiguration());
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
          Object[] value = new Object[row.size()];
          for (int i = 0; i < row.size(); i++) {
            Object cell = row.get(i);
            value[i] = cell instanceof scala.collection.Map<?, ?> map
                ? scala.collection.JavaConverters.mapAsJavaMap(map) : cell;
          }
          values.add(value);
        }
        if (BlindAppend.append(fs, table.path(), columns, values) == BlindAppend.Outcome.WRITTEN) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot append {} rows to {} without Spark ({}); appending with Spark", rows.size(), table,
            e.toString());
      }
    }
    DeltaTables.append(spark.createDataFrame(rows, schema), table, description);
  }

  /** Returns the columns of a schema whose types the plain writer supports, or null. */
  private static List<BlindAppend.Column> columns(StructType schema) {
    List<BlindAppend.Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      BlindAppend.ColumnType type = type(field.dataType());
      if (type == null) {
        return null;
      }
      columns.add(new BlindAppend.Column(field.name(), type));
    }
    return columns;
  }

  private static BlindAppend.ColumnType type(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return BlindAppend.ColumnType.STRING;
    } else if (type.equals(DataTypes.LongType)) {
      return BlindAppend.ColumnType.LONG;
    } else if (type.equals(DataTypes.IntegerType)) {
      return BlindAppend.ColumnType.INT;
    } else if (type.equals(DataTypes.DoubleType)) {
      return BlindAppend.ColumnType.DOUBLE;
    } else if (type.equals(DataTypes.TimestampType)) {
      return BlindAppend.ColumnType.TIMESTAMP;
    } else if (type instanceof MapType map && map.keyType().equals(DataTypes.StringType)
        && map.valueType().equals(DataTypes.LongType)) {
      return BlindAppend.ColumnType.STRING_TO_LONG_MAP;
    }
    return null;
  }
}
