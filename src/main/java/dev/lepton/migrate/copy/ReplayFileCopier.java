package dev.lepton.migrate.copy;

import dev.lepton.migrate.deltalog.ReplayFile;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.Stores;
import dev.lepton.migrate.store.TargetCommitter;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Copies the files a Delta log names. Each file is looked up on the source first: one the source
 * no longer has becomes a {@code missing} row naming the versions that need it; the others are
 * copied with create-if-absent semantics, because a Delta file never changes once written.
 */
public final class ReplayFileCopier {
  private final CopyContext context;
  private final FileSystem sourceFs;
  private final FileCopier copier;
  private final String tablePrefix;

  /**
   * @param table the table's folder relative to the roots of {@code context}, "" for the root
   */
  public ReplayFileCopier(CopyContext context, FileSystem sourceFs, FileCopier copier, String table) {
    this.context = context;
    this.sourceFs = sourceFs;
    this.copier = copier;
    this.tablePrefix = table.isEmpty() ? "" : table + "/";
  }

  /** Returns the path of a table file relative to the roots, as the manifest records it. */
  public String rootRelative(ReplayFile file) {
    return tablePrefix + file.path();
  }

  public ManifestRow copy(ReplayFile file, TargetCommitter.Mode mode) {
    String relative = rootRelative(file);
    FileStatus status;
    try {
      status = sourceFs.getFileStatus(context.source().resolve(relative));
    } catch (FileNotFoundException e) {
      return missing(file, relative);
    } catch (IOException e) {
      return failed(file, relative, "cannot read the source file's status: " + e.getMessage());
    }
    FileEntry entry = new FileEntry(relative, status.getLen(), status.getModificationTime(), Stores.etagOf(status));
    String reason = "referenced from version " + file.version();
    return copier.copy(new PlannedFile(entry, FileAction.COPY, reason, null, -1), mode);
  }

  private ManifestRow missing(ReplayFile file, String relative) {
    String reason = "the source does not have this file, which the log names for " + file.neededBy()
        + (file.neededAtEnd() ? "" : " (removed from the table after that, so probably vacuumed)");
    return row(file, relative, ManifestRow.MISSING, reason);
  }

  private ManifestRow failed(ReplayFile file, String relative, String reason) {
    return row(file, relative, ManifestRow.FAILED, reason);
  }

  private ManifestRow row(ReplayFile file, String relative, String status, String reason) {
    return new ManifestRow(context.runId(), relative, Math.max(0, file.sizeHint()), 0, null,
        context.settings().checksum().configName(), null, null, "none", status, "none", 0, 0, 1, reason,
        System.currentTimeMillis());
  }
}
