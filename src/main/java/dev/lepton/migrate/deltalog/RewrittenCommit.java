package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.copy.VerifyMode;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.CreateIfAbsent;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one source commit to the target with its absolute paths into the table rewritten: the
 * rewritten lines go to a staging file, which is then published with the target store's
 * create-if-absent strategy. An existing target commit with the same rewritten bytes is adopted.
 */
final class RewrittenCommit {
  private final SyncRun run;
  private final String table;
  private final PathRewrite rewrite;

  RewrittenCommit(SyncRun run, String table, PathRewrite rewrite) {
    this.run = run;
    this.table = table;
    this.rewrite = rewrite;
  }

  ManifestRow write(ReplayFile commit, String relative) {
    long started = System.nanoTime();
    FileSystem targetFs = run.targetFs();
    Path source = run.sourceTable(table).resolve(commit.path());
    Path target = run.targetTable(table).resolve(commit.path());
    Path staged = run.staging().resolve(UUID.randomUUID() + ".json");
    try {
      FileStatus sourceStatus = run.sourceFs().getFileStatus(source);
      CRC32C crc = new CRC32C();
      try (InputStream in = run.sourceFs().open(source);
          OutputStream out = new CheckedOutputStream(targetFs.create(staged, false), crc)) {
        rewrite.rewrite(in, out, commit.version());
      }
      long length = targetFs.getFileStatus(staged).getLen();
      String checksum = String.format("%08x", crc.getValue());
      if (run.copy().verify() == VerifyMode.CHECKSUM && !crcOf(targetFs, staged).equals(checksum)) {
        return row(relative, sourceStatus, ManifestRow.FAILED, checksum, null, 0, started,
            "the staged rewritten commit read back with another checksum; run the sync again");
      }
      if (run.copy().preserveModificationTime() && run.target().kind().modificationTimeSettable()) {
        targetFs.setTimes(staged, sourceStatus.getModificationTime(), -1);
      }
      try {
        publish(targetFs, staged, target, length);
      } catch (FileAlreadyExistsException e) {
        String existing = crcOf(targetFs, target);
        String status = existing.equals(checksum) ? ManifestRow.ADOPTED : ManifestRow.CONFLICT;
        return row(relative, sourceStatus, status, checksum, existing, 0, started,
            status.equals(ManifestRow.ADOPTED) ? "the target already had this rewritten commit"
                : "the target's commit differs from the source's with rewritten paths");
      }
      return row(relative, sourceStatus, ManifestRow.COPIED, checksum, checksum, length, started,
          "commit of version " + commit.version() + " with absolute paths into the table written relative");
    } catch (FileNotFoundException e) {
      return row(relative, null, ManifestRow.FAILED, null, null, 0, started, "source commit not found: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return row(relative, null, ManifestRow.FAILED, null, null, 0, started, "cannot write the rewritten commit: " + e);
    } finally {
      try {
        targetFs.delete(staged, false);
      } catch (IOException ignored) {
        // The staging folder goes with the run.
      }
    }
  }

  private static void publish(FileSystem fs, Path staged, Path target, long length) throws IOException {
    CreateIfAbsent strategy = CreateIfAbsent.forStore(fs);
    if (strategy instanceof CreateIfAbsent.Staged publisher) {
      publisher.publish(staged, target);
    } else {
      try (InputStream in = fs.open(staged)) {
        ((CreateIfAbsent.Direct) strategy).write(target, in, length, new byte[64 * 1024]);
      }
    }
  }

  private static String crcOf(FileSystem fs, Path file) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = fs.open(file)) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        crc.update(buffer, 0, read);
      }
    }
    return String.format("%08x", crc.getValue());
  }

  private ManifestRow row(String relative, FileStatus source, String status, String sourceSum, String targetSum,
      long bytes, long started, String reason) {
    return new ManifestRow(run.runId(), relative, source == null ? 0 : source.getLen(),
        source == null ? 0 : source.getModificationTime(), null, "crc32c", sourceSum, targetSum, "none", status,
        targetSum == null ? "none" : "checksum", bytes, (System.nanoTime() - started) / 1_000_000, 1, reason,
        System.currentTimeMillis());
  }
}
