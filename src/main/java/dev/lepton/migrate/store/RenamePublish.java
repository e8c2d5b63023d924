package dev.lepton.migrate.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/** Publishes a staging file by renaming it without overwrite. */
final class RenamePublish implements CreateIfAbsent.Staged {
  /** Mechanism by which the store keeps two renames to one name from both succeeding. */
  enum Guarantee {
    /** HDFS: {@code FileContext.rename(NONE)}, checked and done by the NameNode in one step. */
    FILE_CONTEXT_RENAME,
    /**
     * ABFS and WASB: {@code FileSystem.rename}, whose request carries {@code If-None-Match: *} for
     * the destination (ABFS rename, WASB copy), so the store rejects it when the name exists.
     */
    IF_NONE_MATCH_RENAME,
    /** Other stores: an existence check, then a rename; two writers can both pass the check. */
    CHECK_THEN_RENAME
  }

  private final FileSystem fs;
  private final Guarantee guarantee;

  RenamePublish(FileSystem fs, Guarantee guarantee) {
    this.fs = fs;
    this.guarantee = guarantee;
  }

  Guarantee guarantee() {
    return guarantee;
  }

  @Override
  public void publish(Path staged, Path target) throws IOException {
    Path parent = target.getParent();
    if (parent != null && !fs.exists(parent)) {
      fs.mkdirs(parent);
    }
    switch (guarantee) {
      case FILE_CONTEXT_RENAME -> renameWithFileContext(staged, target);
      case IF_NONE_MATCH_RENAME -> renameOrFail(staged, target);
      case CHECK_THEN_RENAME -> {
        // NOTE: not atomic: a writer that creates the target between this check and the rename
        // is overwritten or makes the rename fail, depending on the store.
        if (fs.exists(target)) {
          throw new FileAlreadyExistsException("File exists: " + target);
        }
        renameOrFail(staged, target);
      }
      default -> throw new IllegalStateException("Unknown guarantee " + guarantee);
    }
  }

  private void renameWithFileContext(Path staged, Path target) throws IOException {
    try {
      FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(staged, target, Options.Rename.NONE);
    } catch (FileAlreadyExistsException e) {
      // The NameNode's message carries its stack trace; keep the path only.
      FileAlreadyExistsException exists = new FileAlreadyExistsException("File exists: " + target);
      exists.initCause(e);
      throw exists;
    }
  }

  /** Renames, reading a false result as "the target exists" when it does. */
  private void renameOrFail(Path staged, Path target) throws IOException {
    boolean renamed;
    try {
      renamed = fs.rename(staged, target);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException e) {
      if (exists(target)) {
        throw new FileAlreadyExistsException("File exists: " + target);
      }
      throw e;
    }
    if (!renamed) {
      if (exists(target)) {
        throw new FileAlreadyExistsException("File exists: " + target);
      }
      throw new IOException("Rename of " + staged + " to " + target + " returned false");
    }
  }

  private boolean exists(Path path) throws IOException {
    try {
      fs.getFileStatus(path);
      return true;
    } catch (FileNotFoundException e) {
      return false;
    }
  }
}
