package dev.lepton.migrate.deltalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;

/** Gathers referenced files, keeping the lowest version that names each one. */
final class ReferencedFileCollector {
  private final Path tableRoot;
  private final LogPaths paths;
  private final Map<FileLocation, ReferencedFile> files = new LinkedHashMap<>();

  ReferencedFileCollector(Path tableRoot) {
    this.tableRoot = tableRoot;
    this.paths = new LogPaths(tableRoot);
  }

  /** Records the data, deletion vector and change data files an action names. */
  void addAction(Action action, long version) {
    if (action instanceof AddFile add) {
      addEncoded(add.path(), ReferencedFile.Kind.DATA, version, OptionalLong.of(add.size()));
      add.deletionVector()
          .flatMap(DeletionVectorDescriptor::filePath)
          .ifPresent(dv -> addEncoded(dv, ReferencedFile.Kind.DELETION_VECTOR, version,
              OptionalLong.empty()));
    } else if (action instanceof AddCdcFile cdc) {
      addEncoded(cdc.path(), ReferencedFile.Kind.CHANGE_DATA, version, OptionalLong.of(cdc.size()));
    }
  }

  /** Records a file under {@code _delta_log}; its listed path is already decoded. */
  void addLogFile(LogFile file, ReferencedFile.Kind kind) {
    long version = file.type() == LogFile.Type.LOG_COMPACTION ? file.lastVersion() : file.version();
    add(locationOf(file.path()), kind, version, OptionalLong.of(file.size()));
  }

  /** Records a sidecar of the checkpoint at {@code version}. */
  void addSidecar(Path path, Sidecar sidecar, long version) {
    add(locationOf(path), ReferencedFile.Kind.SIDECAR, version,
        OptionalLong.of(sidecar.sizeInBytes()));
  }

  ReferencedFiles build() {
    return new ReferencedFiles(tableRoot, files.values().stream().toList());
  }

  private void addEncoded(String encoded, ReferencedFile.Kind kind, long version, OptionalLong size) {
    FileLocation location;
    try {
      location = paths.locate(encoded);
    } catch (IllegalArgumentException e) {
      throw LogErrors.invalidPath(tableRoot, version, e.getMessage());
    }
    add(location, kind, version, size);
  }

  private void add(FileLocation location, ReferencedFile.Kind kind, long version, OptionalLong size) {
    ReferencedFile known = files.get(location);
    if (known == null || known.version() > version) {
      files.put(location, new ReferencedFile(location, kind, version, size));
    }
  }

  /** Returns a listed path as relative to the table root when it lies inside the table. */
  private FileLocation locationOf(Path path) {
    String root = tableRoot.toUri().getPath();
    String full = path.toUri().getPath();
    if (full.startsWith(root + "/")) {
      return FileLocation.relative(full.substring(root.length() + 1));
    }
    return FileLocation.absolute(path.toString());
  }
}
