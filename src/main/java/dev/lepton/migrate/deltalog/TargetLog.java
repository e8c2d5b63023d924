package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.store.LocalChecksumFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks of a target table's log against its source before a sync writes to it, and the removal
 * of a diverging tail when the user asks to overwrite it.
 */
public final class TargetLog {
  private static final Logger LOG = LoggerFactory.getLogger(TargetLog.class);

  private TargetLog() {}

  /**
   * Returns where the target's log first differs from the source's, comparing the CRC32C of each
   * commit file both logs hold from {@code fromVersion} to the older latest version, or empty
   * when they match. Versions that either log no longer has (removed by log retention, or never
   * copied because retention removed them first) are skipped. A target with versions after the
   * source's latest diverges at the first of them.
   */
  public static Optional<Divergence> firstDivergence(
      DeltaLog source, DeltaLog target, long fromVersion, long sourceVersion) {
    return firstDivergence(source, target, fromVersion, sourceVersion, Optional.empty());
  }

  /**
   * Compares as {@link #firstDivergence(DeltaLog, DeltaLog, long, long)} does, with each source
   * commit first passed through {@code rewrite} when the target's commits have rewritten paths.
   */
  public static Optional<Divergence> firstDivergence(
      DeltaLog source, DeltaLog target, long fromVersion, long sourceVersion, Optional<PathRewrite> rewrite) {
    LogListing sourceLog = source.list();
    LogListing targetLog = target.list();
    long targetVersion = targetLog.latestVersion();
    long to = Math.min(targetVersion, sourceVersion);
    for (long version = Math.max(0, fromVersion); version <= to; version++) {
      Optional<LogFile> ours = targetLog.commit(version);
      Optional<LogFile> theirs = sourceLog.commit(version);
      if (ours.isEmpty() || theirs.isEmpty()) {
        continue;
      }
      boolean same;
      if (rewrite.isPresent()) {
        same = LogDivergence.checksum(target.fileSystem(), target.tableRoot(), ours.get())
            .equals(rewrittenChecksum(source, theirs.get(), rewrite.get()));
      } else {
        same = ours.get().size() == theirs.get().size()
            && LogDivergence.checksum(target.fileSystem(), target.tableRoot(), ours.get()).crc32c()
                .equals(LogDivergence.checksum(source.fileSystem(), source.tableRoot(), theirs.get()).crc32c());
      }
      if (!same) {
        return Optional.of(new Divergence(version, "the commits at version " + version + " differ"));
      }
    }
    if (targetVersion > sourceVersion) {
      return Optional.of(new Divergence(sourceVersion + 1, "the target has versions " + (sourceVersion + 1)
          + (targetVersion > sourceVersion + 1 ? " to " + targetVersion : "") + ", which the source lacks"));
    }
    return Optional.empty();
  }

  /** Returns the checksum a source commit has after its paths are rewritten. */
  static CommitChecksum rewrittenChecksum(DeltaLog source, LogFile commit, PathRewrite rewrite) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    long[] size = {0};
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        crc.update(b);
        size[0]++;
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        crc.update(bytes, offset, length);
        size[0] += length;
      }
    };
    try (InputStream in = source.fileSystem().open(commit.path())) {
      rewrite.rewrite(in, sink, commit.version());
    } catch (FileNotFoundException e) {
      throw LogErrors.fileVanished(source.tableRoot(), commit.path(), e);
    } catch (IOException e) {
      throw LogErrors.readFailed(source.tableRoot(), commit.path(), e);
    }
    return new CommitChecksum(commit.version(), size[0], String.format("%08x", crc.getValue()));
  }

  /**
   * Moves the target's log files of {@code fromVersion} and later to {@code backup}, so the target
   * reads as of {@code fromVersion - 1}. Deletes {@code _last_checkpoint} first when it names a
   * removed checkpoint, then the newest versions first, so a reader meanwhile finds an older but
   * whole table. Data files that only the removed commits added stay until the target is vacuumed.
   *
   * @return the number of log files moved
   */
  public static int moveTailToBackup(DeltaLog target, long fromVersion, Path backup, FileSystem backupFs)
      throws IOException {
    FileSystem fs = target.fileSystem();
    Path logDir = LogListing.logDir(target.tableRoot());
    List<LogFile> tail = new ArrayList<>();
    for (FileStatus status : fs.listStatus(logDir)) {
      LogFile.of(status).filter(file -> file.lastVersion() >= fromVersion).ifPresent(tail::add);
    }
    tail.sort(Comparator.comparingLong(LogFile::lastVersion).reversed()
        .thenComparing(file -> file.type() == LogFile.Type.COMMIT ? 1 : 0));
    backupFs.mkdirs(backup);
    int moved = 0;
    Path hint = new Path(logDir, LastCheckpoint.FILE_NAME);
    Optional<LastCheckpoint> last = LastCheckpoint.read(fs, logDir);
    if (last.isPresent() && last.get().version() >= fromVersion) {
      copy(fs, hint, backupFs, new Path(backup, LastCheckpoint.FILE_NAME));
      LocalChecksumFiles.delete(fs, hint);
      moved++;
    }
    for (LogFile file : tail) {
      copy(fs, file.path(), backupFs, new Path(backup, file.path().getName()));
      LocalChecksumFiles.delete(fs, file.path());
      moved++;
    }
    LOG.warn("Moved {} log files of {} from version {} on to {}", moved, target.tableRoot(), fromVersion, backup);
    return moved;
  }

  private static void copy(FileSystem fromFs, Path from, FileSystem toFs, Path to) throws IOException {
    try (InputStream in = fromFs.open(from); OutputStream out = toFs.create(to, true)) {
      in.transferTo(out);
    } catch (FileNotFoundException e) {
      LOG.debug("{} vanished before its backup", from);
    }
  }
}
