package dev.lepton.migrate.deltalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Compares the commit files of two logs, and computes the checksum of one commit file. */
final class LogDivergence {
  private static final int BUFFER_SIZE = 64 * 1024;

  private LogDivergence() {}

  /**
   * Returns the first version in {@code [from, to]} whose commit differs between the two logs.
   * Only versions that both logs still cover are compared: from the later of their earliest
   * commits to the earlier of their latest commits. A commit missing from either side inside
   * that overlap counts as a difference, because equality cannot be shown.
   */
  static Optional<Long> firstDifferingVersion(
      FileSystem fsA, LogListing a, FileSystem fsB, LogListing b, long from, long to) {
    if (a.earliestCommitVersion().isEmpty() || b.earliestCommitVersion().isEmpty()) {
      return Optional.empty();
    }
    long low = Math.max(from, Math.max(a.earliestCommitVersion().get(),
        b.earliestCommitVersion().get()));
    long high = Math.min(to, Math.min(a.latestCommitVersion(), b.latestCommitVersion()));
    for (long version = low; version <= high; version++) {
      Optional<LogFile> left = a.commit(version);
      Optional<LogFile> right = b.commit(version);
      if (left.isEmpty() || right.isEmpty() || left.get().size() != right.get().size()) {
        return Optional.of(version);
      }
      String leftCrc = checksum(fsA, a.tableRoot(), left.get()).crc32c();
      String rightCrc = checksum(fsB, b.tableRoot(), right.get()).crc32c();
      if (!leftCrc.equals(rightCrc)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** Computes the CRC32C of a commit file, streaming its bytes. */
  static CommitChecksum checksum(FileSystem fs, Path tableRoot, LogFile commit) {
    CRC32C crc = new CRC32C();
    long size = 0;
    byte[] buffer = new byte[BUFFER_SIZE];
    try (InputStream in = fs.open(commit.path())) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        crc.update(buffer, 0, read);
        size += read;
      }
    } catch (FileNotFoundException e) {
      throw LogErrors.fileVanished(tableRoot, commit.path(), e);
    } catch (IOException e) {
      throw LogErrors.readFailed(tableRoot, commit.path(), e);
    }
    return new CommitChecksum(commit.version(), size, String.format("%08x", crc.getValue()));
  }
}
