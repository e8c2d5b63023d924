package dev.lepton.migrate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Reads the rows of one Parquet data file of the manifest table without Spark. Columns are found
 * by name, so the table must not use Delta column mapping. A column that an older job version did
 * not write yet reads as null.
 */
public final class ManifestParquetFile {
  private ManifestParquetFile() {}

  /**
   * Returns the file's rows in file order, read one at a time. The iterator closes the file after
   * the last row.
   *
   * @throws UncheckedIOException when the file cannot be opened or read
   */
  public static Iterator<ManifestRow> rows(Path file, Configuration conf) {
    ParquetReader<Group> reader;
    try {
      reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open manifest file " + file + ": " + e.getMessage(), e);
    }
    return new RowIterator(file, reader);
  }

  private static final class RowIterator implements Iterator<ManifestRow> {
    private final Path file;
    private final ParquetReader<Group> reader;
    private Group next;
    private boolean done;

    RowIterator(Path file, ParquetReader<Group> reader) {
      this.file = file;
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        try {
          next = reader.read();
          if (next == null) {
            done = true;
            reader.close();
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read manifest file " + file + ": " + e.getMessage(), e);
        }
      }
      return next != null;
    }

    @Override
    public ManifestRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Group row = next;
      next = null;
      return toRow(row);
    }
  }

  static ManifestRow toRow(Group row) {
    return new ManifestRow(
        text(row, "run_id"), text(row, "path"), requiredNumber(row, "size"),
        requiredNumber(row, "modification_time"), text(row, "etag"), text(row, "checksum_algorithm"),
        text(row, "source_checksum"), text(row, "target_checksum"), text(row, "codec"), text(row, "status"),
        text(row, "verify_level"), number(row, "bytes_copied"), number(row, "duration_ms"),
        (int) number(row, "attempts"), text(row, "reason"), requiredNumber(row, "recorded_at"),
        text(row, "store_checks"));
  }

  private static boolean present(Group row, String column) {
    return row.getType().containsField(column) && row.getFieldRepetitionCount(column) > 0;
  }

  private static String text(Group row, String column) {
    return present(row, column) ? row.getString(column, 0) : null;
  }

  /**
   * Returns a numeric column that decides a plan (a size, a time) as a long, and fails the read
   * when the value is missing, so that a missing value never reads as 0.
   */
  private static long requiredNumber(Group row, String column) {
    if (!present(row, column)) {
      throw new IllegalStateException("Cannot read a manifest row: the column " + column + " has no value");
    }
    return number(row, column);
  }

  /** Returns a numeric column as a long, or 0 when the file has no value for it. */
  private static long number(Group row, String column) {
    if (!present(row, column)) {
      return 0;
    }
    return switch (row.getType().getType(column).asPrimitiveType().getPrimitiveTypeName()) {
      case INT32 -> row.getInteger(column, 0);
      case INT64 -> row.getLong(column, 0);
      default -> throw new IllegalStateException("Cannot read the manifest column " + column
          + ": its Parquet type " + row.getType().getType(column) + " is not a 32-bit or 64-bit integer");
    };
  }
}
