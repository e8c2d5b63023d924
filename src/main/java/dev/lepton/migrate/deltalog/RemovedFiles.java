package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.LocalChecksumFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes target files that the source's log removed, once the removal is older than the table's
 * {@code delta.deletedFileRetentionDuration}, when {@code migration.sync.delete-removed-files} is
 * on. Removals wait in a {@link RemovalJournal}; before deleting, the target's snapshot at its
 * latest version is read, and no file it still uses is deleted. Off, the target keeps every file,
 * so time travel on the target works until the target itself is vacuumed.
 */
final class RemovedFiles {
  private static final Logger LOG = LoggerFactory.getLogger(RemovedFiles.class);

  private final SyncRun run;
  private final String table;
  private final int index;
  private final Lease lease;

  RemovedFiles(SyncRun run, String table, int index, Lease lease) {
    this.run = run;
    this.table = table;
    this.index = index;
    this.lease = lease;
  }

  /** Records the plan's removals up to {@code targetVersion} and deletes those now due; returns how many. */
  long apply(DeltaLog target, ReplayPlan plan, long targetVersion, ProtocolAndMetadata header) throws IOException {
    if (!run.sync().deleteRemovedFiles() || targetVersion < 0) {
      return 0;
    }
    Path folder = run.tableState(table).path();
    RemovalJournal journal = RemovalJournal.read(run.stateFs(), folder);
    plan.removals().stream().filter(r -> r.version() <= targetVersion).forEach(journal::add);
    Duration retention = retention(header);
    List<FileRemoval> due = journal.due(run.clock().instant(), retention);
    long deleted = 0;
    if (!due.isEmpty()) {
      Set<String> live = livePaths(target, targetVersion);
      List<ManifestRow> rows = new ArrayList<>();
      for (FileRemoval removal : due) {
        journal.forget(removal.path());
        if (live.contains(removal.path())) {
          continue;
        }
        lease.requireHeld();
        if (delete(removal)) {
          deleted++;
          rows.add(deletedRow(removal, retention));
        }
      }
      if (!rows.isEmpty()) {
        run.rows().write("sync-" + index + "-deleted", rows);
      }
      LOG.info("Deleted {} files of table '{}' that the source removed more than {} ago", deleted, table, retention);
    }
    journal.write(run.stateFs(), folder);
    return deleted;
  }

  private Duration retention(ProtocolAndMetadata header) {
    String value = header.metadata().configuration().get(ProtocolAndMetadata.DELETED_FILE_RETENTION);
    if (value == null) {
      return RetentionDuration.DEFAULT_DELETED_FILE_RETENTION;
    }
    try {
      return RetentionDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new dev.lepton.migrate.InvalidInputException("Cannot delete removed files of table '" + table
          + "': its property " + ProtocolAndMetadata.DELETED_FILE_RETENTION + " is invalid: " + e.getMessage()
          + ". Fix the table property, or set migration.sync.delete-removed-files = false.", e);
    }
  }

  private static Set<String> livePaths(DeltaLog target, long version) {
    Set<String> live = new HashSet<>();
    ReferencedFiles files = target.snapshotAt(version).liveFiles();
    for (ReferencedFile file : files.files()) {
      if (!file.location().isAbsolute()) {
        live.add(file.location().path());
      }
    }
    return live;
  }

  private boolean delete(FileRemoval removal) throws IOException {
    Path file = run.targetTable(table).resolve(removal.path());
    try {
      return LocalChecksumFiles.delete(run.targetFs(), file);
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  private ManifestRow deletedRow(FileRemoval removal, Duration retention) {
    String relative = (table.isEmpty() ? "" : table + "/") + removal.path();
    return new ManifestRow(run.runId(), relative, 0, 0, null, null, null, null, "none", ManifestRow.DELETED, "none",
        0, 0, 1, "removed by version " + removal.version() + " of the source more than " + retention + " ago",
        System.currentTimeMillis());
  }
}
