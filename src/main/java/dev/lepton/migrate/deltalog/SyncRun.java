package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.config.CopySettings;
import dev.lepton.migrate.config.SyncSettings;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.Location;
import java.time.Clock;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;

/**
 * Context that every table sync of one run shares: the roots, the file systems, the settings, the
 * leases and the sink for manifest rows.
 *
 * @param staging the folder below the target root where this run stages files before publishing
 * @param rows receives the manifest rows the driver writes (log files, deletions)
 */
public record SyncRun(
    String runId,
    Location source,
    Location target,
    Location stateDir,
    Location staging,
    FileSystem sourceFs,
    FileSystem targetFs,
    FileSystem stateFs,
    CopySettings copy,
    SyncSettings sync,
    OverwriteConfirmation confirmation,
    LeaseStore leases,
    LeaseKeeper keeper,
    RowSink rows,
    Clock clock) {

  /** Makes manifest rows durable, for example as a task result file in the state folder. */
  @FunctionalInterface
  public interface RowSink {
    void write(String name, List<ManifestRow> rows);
  }

  /** Returns the location of a table below the source root. */
  public Location sourceTable(String table) {
    return table.isEmpty() ? source : source.child(table);
  }

  /** Returns the location of a table below the target root. */
  public Location targetTable(String table) {
    return table.isEmpty() ? target : target.child(table);
  }

  /** Returns the state folder of a table's sync: {@code STATE/sync/table-ENCODED}. */
  public Location tableState(String table) {
    return stateDir.child("sync").child(LeaseStore.tableResource(table));
  }
}
