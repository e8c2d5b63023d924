package dev.lepton.migrate.deltalog;

import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The files a copy of a log segment needs, each listed once with the first version that
 * references it, ordered by that version and, within a version, data files before log files.
 * Nothing here checks whether a file still exists, because VACUUM may have deleted files that old versions
 * reference, and the caller decides how to report them.
 *
 * @param tableRoot the root that relative locations resolve against
 * @param files the referenced files
 */
public record ReferencedFiles(Path tableRoot, List<ReferencedFile> files) {
  static final Comparator<ReferencedFile> ORDER =
      Comparator.comparingLong(ReferencedFile::version).thenComparing(ReferencedFile::kind);

  public ReferencedFiles {
    if (tableRoot == null) {
      throw new IllegalArgumentException("Referenced files need a table root");
    }
    files = files.stream().sorted(ORDER).toList();
    long distinct = files.stream().map(ReferencedFile::location).distinct().count();
    if (distinct != files.size()) {
      throw new IllegalArgumentException("Each referenced file must be listed once");
    }
  }

  /** Returns the files of one kind, in order. */
  public List<ReferencedFile> ofKind(ReferencedFile.Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }

  /** Returns the decoded paths of the files of one kind, in order. */
  public List<String> pathsOfKind(ReferencedFile.Kind kind) {
    return ofKind(kind).stream().map(f -> f.location().path()).toList();
  }
}
