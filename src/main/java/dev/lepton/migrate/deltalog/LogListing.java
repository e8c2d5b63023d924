package dev.lepton.migrate.deltalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * One listing of {@code _delta_log}, classified. Staged commits under {@code _commits} or
 * {@code _staged_commits} are not part of the published log and are never read; sidecars are found
 * through the checkpoints that name them.
 */
final class LogListing {
  private final Path tableRoot;
  private final TreeMap<Long, LogFile> commits = new TreeMap<>();
  private final List<LogFile> auxiliary = new ArrayList<>();
  private final List<Checkpoint> checkpoints;
  private final List<String> incompleteCheckpoints = new ArrayList<>();

  private LogListing(Path tableRoot, List<LogFile> files) {
    this.tableRoot = tableRoot;
    for (LogFile file : files) {
      if (file.type() == LogFile.Type.COMMIT) {
        commits.put(file.version(), file);
      } else if (!file.isCheckpoint()) {
        auxiliary.add(file);
      }
    }
    auxiliary.sort(Comparator.comparingLong(LogFile::version).thenComparing(LogFile::type));
    this.checkpoints = Checkpoint.completeOnes(files, incompleteCheckpoints);
  }

  /**
   * Lists {@code tableRoot/_delta_log} once through {@code fs}.
   *
   * <p>NOTE: the whole folder is listed on every call. The protocol allows starting the listing at
   * the version {@code _last_checkpoint} names, which would be cheaper on object stores for logs
   * with many thousands of files, but the Hadoop API has no portable "list from key" call.
   */
  static LogListing list(FileSystem fs, Path tableRoot) {
    Path logDir = logDir(tableRoot);
    List<LogFile> files = new ArrayList<>();
    try {
      RemoteIterator<FileStatus> statuses = fs.listStatusIterator(logDir);
      while (statuses.hasNext()) {
        LogFile.of(statuses.next()).ifPresent(files::add);
      }
    } catch (FileNotFoundException e) {
      throw LogErrors.notADeltaTable(tableRoot, "the folder " + logDir + " does not exist");
    } catch (IOException e) {
      throw LogErrors.readFailed(tableRoot, logDir, e);
    }
    LogListing listing = new LogListing(tableRoot, files);
    if (listing.commits.isEmpty() && listing.checkpoints.isEmpty()) {
      throw LogErrors.notADeltaTable(
          tableRoot, "the folder " + logDir + " holds no commit or checkpoint files");
    }
    return listing;
  }

  static Path logDir(Path tableRoot) {
    return new Path(tableRoot, "_delta_log");
  }

  Path tableRoot() {
    return tableRoot;
  }

  /** Returns the newest version that a commit or complete checkpoint exists for. */
  long latestVersion() {
    long latest = commits.isEmpty() ? -1 : commits.lastKey();
    if (!checkpoints.isEmpty()) {
      latest = Math.max(latest, checkpoints.get(checkpoints.size() - 1).version());
    }
    return latest;
  }

  Optional<LogFile> commit(long version) {
    return Optional.ofNullable(commits.get(version));
  }

  /** Returns the commits with versions in {@code [from, to]}, in order, with any gaps. */
  List<LogFile> commitsBetween(long from, long to) {
    return from > to ? List.of() : List.copyOf(commits.subMap(from, true, to, true).values());
  }

  /** Returns the newest commit version, or -1 when only checkpoints are listed. */
  long latestCommitVersion() {
    return commits.isEmpty() ? -1 : commits.lastKey();
  }

  Optional<Long> earliestCommitVersion() {
    return commits.isEmpty() ? Optional.empty() : Optional.of(commits.firstKey());
  }

  /** Returns the complete checkpoints, ordered by version and preference within a version. */
  List<Checkpoint> checkpoints() {
    return checkpoints;
  }

  /** Describes the checkpoints that were ignored because parts are missing. */
  List<String> incompleteCheckpoints() {
    return List.copyOf(incompleteCheckpoints);
  }

  /** Returns the checksum and log compaction files, ordered by version. */
  List<LogFile> auxiliaryFiles() {
    return List.copyOf(auxiliary);
  }
}
