package dev.lepton.migrate.deltalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the actions of a checkpoint of any kind: every part of a multi-part checkpoint, and for a
 * checkpoint in the V2 layout the sidecar files it names under {@code _delta_log/_sidecars}.
 */
final class CheckpointReader {
  private static final Set<String> SIDECARS_ONLY = Set.of("sidecar", "checkpointMetadata");

  private final FileSystem fs;
  private final Path tableRoot;
  private final Path sidecarDir;
  private final JsonActionReader json;
  private final ParquetActionReader parquet;

  CheckpointReader(FileSystem fs, Path tableRoot) {
    this.fs = fs;
    this.tableRoot = tableRoot;
    this.sidecarDir = new Path(LogListing.logDir(tableRoot), "_sidecars");
    this.json = new JsonActionReader(fs, tableRoot);
    this.parquet = new ParquetActionReader(fs, tableRoot);
  }

  /**
   * Passes every action of the checkpoint to {@code sink}: first the actions of its own files,
   * sidecar actions included, then the add and remove actions of each sidecar file.
   */
  void read(Checkpoint checkpoint, Consumer<Action> sink) {
    read(checkpoint, CheckpointReadSupport.allActionTypes(), sink);
  }

  /**
   * Passes the actions whose type is in {@code actionTypes} to {@code sink}, following sidecars
   * only when {@code add} or {@code remove} actions are asked for.
   */
  void read(Checkpoint checkpoint, Set<String> actionTypes, Consumer<Action> sink) {
    List<Sidecar> sidecars = new ArrayList<>();
    Set<String> ownTypes = union(actionTypes, Set.of("sidecar"));
    for (LogFile file : checkpoint.files()) {
      readFile(file, ownTypes, action -> {
        if (action instanceof Sidecar sidecar) {
          sidecars.add(sidecar);
        }
        if (actionTypes.contains(Actions.typeName(action))) {
          sink.accept(action);
        }
      });
    }
    if (!actionTypes.contains("add") && !actionTypes.contains("remove")) {
      return;
    }
    for (Sidecar sidecar : sidecars) {
      Path path = sidecarPath(sidecar);
      requireExists(checkpoint, path);
      parquet.read(path, actionTypes, sink);
    }
  }

  /** Returns the sidecar actions of a checkpoint, reading only that column of Parquet files. */
  List<Sidecar> sidecars(Checkpoint checkpoint) {
    List<Sidecar> sidecars = new ArrayList<>();
    for (LogFile file : checkpoint.files()) {
      readFile(file, SIDECARS_ONLY, action -> {
        if (action instanceof Sidecar sidecar) {
          sidecars.add(sidecar);
        }
      });
    }
    return sidecars;
  }

  /** Returns where a sidecar lives: its path is usually a bare name under {@code _sidecars}. */
  Path sidecarPath(Sidecar sidecar) {
    if (LogPaths.isAbsolute(sidecar.path())) {
      return new LogPaths(tableRoot).resolve(sidecar.path());
    }
    return new Path(sidecarDir, new Path(null, null, LogPaths.decode(sidecar.path())));
  }

  private void readFile(LogFile file, Set<String> actionTypes, Consumer<Action> sink) {
    if (file.isJson()) {
      json.read(file.path(), sink);
    } else {
      parquet.read(file.path(), actionTypes, sink);
    }
  }

  private void requireExists(Checkpoint checkpoint, Path sidecar) {
    try {
      if (!fs.exists(sidecar)) {
        throw LogErrors.sidecarMissing(tableRoot, checkpoint.files().get(0).path(), sidecar);
      }
    } catch (IOException e) {
      throw LogErrors.readFailed(tableRoot, sidecar, e);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
