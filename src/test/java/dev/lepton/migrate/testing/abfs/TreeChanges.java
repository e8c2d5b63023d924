package dev.lepton.migrate.testing.abfs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Deletes and renames. A directory with more descendants than the batch size is processed over
 * several calls, as the service does for large directories. Each call but the last responds with
 * {@code x-ms-continuation}, and the driver repeats the call with that token.
 */
final class TreeChanges {
  private final DfsNamespace namespace;
  private volatile int batchSize = Integer.MAX_VALUE;

  /** Options of a rename, read from its headers. */
  record RenameOptions(String ifNoneMatch, String ifMatch, String sourceLeaseId, String leaseId) {}

  TreeChanges(DfsNamespace namespace) {
    this.namespace = namespace;
  }

  void setBatchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("Cannot set the directory batch size: it must be positive, got " + size);
    }
    batchSize = size;
  }

  /**
   * Deletes a file, or a directory with its subtree when {@code recursive}. Returns the
   * continuation token when entries remain, else null.
   */
  String delete(String filesystem, String path, boolean recursive, String continuation, String leaseId) {
    synchronized (namespace) {
      DfsNamespace.Filesystem fs = namespace.filesystem(filesystem);
      checkContinuation(continuation, "delete", path);
      if (path.isEmpty()) {
        // NOTE: the code the service sends for deleting a filesystem's root is a guess.
        throw new DfsException(400, "InvalidOperation", "The root of a filesystem cannot be deleted as a path");
      }
      DfsEntry entry = fs.entries.get(path);
      if (entry == null) {
        throw DfsException.pathNotFound(path);
      }
      Instant now = DfsNamespace.now();
      if (!entry.directory) {
        DfsNamespace.checkWriteLease(path, entry, leaseId, now);
        fs.entries.remove(path);
        namespace.discardData(entry);
        namespace.touchParent(fs, path, now);
        return null;
      }
      List<String> descendants = descendants(fs, path);
      if (!descendants.isEmpty() && !recursive) {
        throw new DfsException(409, "DirectoryNotEmpty", "The directory is not empty: /" + path);
      }
      for (String descendant : descendants) {
        DfsEntry child = fs.entries.get(descendant);
        if (!child.directory && child.lease.blocksWriters(now)) {
          throw new DfsException(
              412, "LeaseIdMissing", "The file /" + descendant + " has an active lease; release it first");
        }
      }
      // Deepest entries come last in key order, so removing from the end keeps parents in place.
      int removed = 0;
      for (int i = descendants.size() - 1; i >= 0 && removed < batchSize; i--, removed++) {
        namespace.discardData(fs.entries.remove(descendants.get(i)));
      }
      if (removed < descendants.size()) {
        return token("delete", path);
      }
      fs.entries.remove(path);
      namespace.touchParent(fs, path, now);
      return null;
    }
  }

  /**
   * Moves {@code source} (a path of the same filesystem) to {@code destination}. Returns the
   * continuation token when entries remain to be moved, else null.
   */
  String rename(String filesystem, String source, String destination, String continuation, RenameOptions options) {
    synchronized (namespace) {
      DfsNamespace.Filesystem fs = namespace.filesystem(filesystem);
      checkContinuation(continuation, "rename", source);
      DfsEntry entry = fs.entries.get(source);
      if (entry == null || source.isEmpty()) {
        throw new DfsException(404, "SourcePathNotFound", "The rename source does not exist: /" + source);
      }
      if (destination.isEmpty() || destination.startsWith(source + "/")) {
        throw new DfsException(
            409, "InvalidRenameSourcePath", "Cannot rename /" + source + " to /" + destination + ", inside itself");
      }
      DfsEntry parent = fs.entries.get(DfsNamespace.parentOf(destination));
      if (parent == null || !parent.directory) {
        throw new DfsException(
            404, "RenameDestinationParentPathNotFound",
            "The parent of the rename destination does not exist: /" + destination);
      }
      Instant now = DfsNamespace.now();
      DfsEntry existing = fs.entries.get(destination);
      if (continuation == null) {
        DfsNamespace.checkConditions(destination, existing, options.ifMatch(), options.ifNoneMatch());
        if (source.equals(destination)) {
          return null;
        }
        if (!entry.directory) {
          DfsNamespace.checkWriteLease(source, entry, options.sourceLeaseId(), now);
        }
        replaceDestination(fs, destination, existing, entry, options, now);
      }
      return move(fs, source, destination, entry, continuation, now);
    }
  }

  /** Lets a file replace a file; any other existing destination is a conflict. */
  private void replaceDestination(
      DfsNamespace.Filesystem fs, String destination, DfsEntry existing, DfsEntry source, RenameOptions options,
      Instant now) {
    if (existing == null) {
      return;
    }
    if (existing.directory || source.directory) {
      throw DfsException.pathAlreadyExists(destination);
    }
    DfsNamespace.checkWriteLease(destination, existing, options.leaseId(), now);
    fs.entries.remove(destination);
    namespace.discardData(existing);
  }

  private String move(
      DfsNamespace.Filesystem fs, String source, String destination, DfsEntry entry, String continuation,
      Instant now) {
    List<String> descendants = entry.directory ? descendants(fs, source) : List.of();
    if (continuation == null && descendants.size() > batchSize) {
      DfsEntry target = new DfsEntry(true, entry.created, entry.etag, entry.permissions);
      target.properties = entry.properties;
      fs.entries.put(destination, target);
    }
    // Key order puts a directory before its contents, so parents are moved first.
    int moved = 0;
    for (String descendant : descendants) {
      if (moved == batchSize) {
        return token("rename", source);
      }
      fs.entries.put(destination + descendant.substring(source.length()), fs.entries.remove(descendant));
      moved++;
    }
    DfsEntry removed = fs.entries.remove(source);
    DfsEntry target = fs.entries.get(destination);
    if (target == null) {
      fs.entries.put(destination, removed);
    }
    namespace.touchParent(fs, source, now);
    namespace.touchParent(fs, destination, now);
    return null;
  }

  private static List<String> descendants(DfsNamespace.Filesystem fs, String directory) {
    String prefix = directory + "/";
    List<String> keys = new ArrayList<>();
    for (String key : fs.entries.tailMap(prefix, true).keySet()) {
      if (!key.startsWith(prefix)) {
        break;
      }
      keys.add(key);
    }
    return keys;
  }

  private static String token(String operation, String path) {
    return Base64.getEncoder().encodeToString((operation + ":" + path).getBytes(StandardCharsets.UTF_8));
  }

  private static void checkContinuation(String continuation, String operation, String path) {
    if (continuation != null && !continuation.equals(token(operation, path))) {
      throw DfsException.invalidQuery("continuation", continuation);
    }
  }
}
