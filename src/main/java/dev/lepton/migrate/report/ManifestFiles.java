package dev.lepton.migrate.report;

import dev.lepton.migrate.deltalog.DeltaLog;
import dev.lepton.migrate.deltalog.ReferencedFile;
import dev.lepton.migrate.deltalog.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the Parquet data files of the manifest table's latest snapshot with the job's own Delta log
 * reader, so that {@link ManifestParquetFile} can read them without Spark.
 *
 * <p>Only tables that need Delta reader protocol 1 and have no partition columns qualify: they have
 * no deletion vectors and no column mapping, so every row of every live file counts and columns are
 * found by name. The job writes its manifest like that.
 */
public final class ManifestFiles {
  private ManifestFiles() {}

  /** Data files of the manifest's latest snapshot, with their total size in bytes. */
  public record DataFiles(List<String> paths, long bytes) {
    public DataFiles {
      paths = List.copyOf(paths);
    }
  }

  /** The table features that keep a manifest from being read without Spark's Delta reader. */
  public record Unsupported(int readerVersion, List<String> partitionColumns) {}

  /**
   * Returns the data files of the table's latest snapshot, none when the table has no log yet, or
   * empty when the table needs Spark's Delta reader. In that case {@code unsupported} receives the reason first.
   */
  public static Optional<DataFiles> dataFiles(
      FileSystem fs, Path table, java.util.function.Consumer<Unsupported> unsupported) {
    DeltaLog log = DeltaLog.forTable(fs, table);
    OptionalLong latest = log.latestVersionIfPresent();
    if (latest.isEmpty()) {
      return Optional.of(new DataFiles(List.of(), 0));
    }
    Snapshot snapshot = log.snapshotAt(latest.getAsLong());
    if (snapshot.protocol().minReaderVersion() > 1 || !snapshot.metadata().partitionColumns().isEmpty()) {
      unsupported.accept(new Unsupported(snapshot.protocol().minReaderVersion(), snapshot.metadata().partitionColumns()));
      return Optional.empty();
    }
    List<String> paths = new ArrayList<>();
    long bytes = 0;
    for (ReferencedFile file : snapshot.liveFiles().ofKind(ReferencedFile.Kind.DATA)) {
      paths.add(file.resolve(log.tableRoot()).toString());
      bytes += file.size().orElse(0);
    }
    return Optional.of(new DataFiles(paths, bytes));
  }
}
