package dev.lepton.migrate.generate;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The rows of one generator part of a TPC-H table, produced lazily inside a Spark task, so a task
 * keeps one row at a time in memory and the driver none. The values match {@link TpchTableLayout#schema()}.
 *
 * @param tableName TPC-H table name
 * @param scaleFactor TPC-H scale factor
 * @param partCount number of parts the table is split into
 * @param yearSourceIndex position of the date column whose year is appended as the last value, or
 *     -1 to append nothing
 */
record TpchPartRows(String tableName, double scaleFactor, int partCount, int yearSourceIndex)
    implements FlatMapFunction<Integer, Row> {

  /** Returns the rows of {@code part}, numbered from 1 to {@code partCount}. */
  @Override
  public Iterator<Row> call(Integer part) {
    return rows(TpchTable.getTable(tableName), part);
  }

  private <E extends TpchEntity> Iterator<Row> rows(TpchTable<E> table, int part) {
    List<TpchColumn<E>> columns = table.getColumns();
    Iterator<E> entities = table.createGenerator(scaleFactor, part, partCount).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entities.hasNext();
      }

      @Override
      public Row next() {
        return toRow(columns, entities.next());
      }
    };
  }

  private <E extends TpchEntity> Row toRow(List<TpchColumn<E>> columns, E entity) {
    int width = columns.size() + (yearSourceIndex >= 0 ? 1 : 0);
    Object[] values = new Object[width];
    for (int i = 0; i < columns.size(); i++) {
      values[i] = value(columns.get(i), entity);
    }
    if (yearSourceIndex >= 0) {
      int epochDay = columns.get(yearSourceIndex).getDate(entity);
      values[width - 1] = LocalDate.ofEpochDay(epochDay).getYear();
    }
    return RowFactory.create(values);
  }

  private static <E extends TpchEntity> Object value(TpchColumn<E> column, E entity) {
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> column.getIdentifier(entity);
      case INTEGER -> column.getInteger(entity);
      case DATE -> Date.valueOf(LocalDate.ofEpochDay(column.getDate(entity)));
        // The generator stores these values as whole cents or percents and returns them / 100.
      case DOUBLE -> BigDecimal.valueOf(Math.round(column.getDouble(entity) * 100), 2);
      case VARCHAR -> column.getString(entity);
    };
  }
}
