package dev.lepton.migrate.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Moves a whole, checked staging file to its final name on stores that commit by rename. A
 * replacing commit uses {@link FileContext#rename} with overwrite where the store has an
 * AbstractFileSystem binding, so that HDFS replaces atomically, and falls back to
 * delete-then-rename elsewhere. A create-if-absent commit goes through the store's {@link
 * CreateIfAbsent} strategy.
 */
public final class TargetCommitter {
  /** Whether an existing file at the final name may be replaced. */
  public enum Mode {
    REPLACE,
    CREATE_IF_ABSENT
  }

  private final FileSystem fs;
  private final CreateIfAbsent createIfAbsent;
  private FileContext context;
  private boolean contextResolved;

  public TargetCommitter(FileSystem fs) {
    this.fs = fs;
    this.createIfAbsent = CreateIfAbsent.forStore(fs);
  }

  /** Returns the create-if-absent strategy of the target's store. */
  public CreateIfAbsent createIfAbsent() {
    return createIfAbsent;
  }

  /**
   * Renames {@code staged} to {@code target}, creating parent folders.
   *
   * @throws FileAlreadyExistsException in {@link Mode#CREATE_IF_ABSENT} when the target exists
   */
  public void commit(Path staged, Path target, Mode mode) throws IOException {
    if (mode == Mode.CREATE_IF_ABSENT && createIfAbsent instanceof CreateIfAbsent.Staged publisher) {
      publisher.publish(staged, target);
      LocalChecksumFiles.dropSidecar(fs, target);
      return;
    }
    Path parent = target.getParent();
    if (parent != null && !fs.exists(parent)) {
      fs.mkdirs(parent);
    }
    FileContext context = fileContext();
    Options.Rename option = mode == Mode.REPLACE ? Options.Rename.OVERWRITE : Options.Rename.NONE;
    if (context != null) {
      context.rename(staged, target, option);
      LocalChecksumFiles.dropSidecar(fs, target);
      return;
    }
    if (fs.exists(target)) {
      if (mode == Mode.CREATE_IF_ABSENT) {
        throw new FileAlreadyExistsException("File exists: " + target);
      }
      fs.delete(target, false);
    }
    if (!fs.rename(staged, target)) {
      throw new IOException("Rename of " + staged + " to " + target + " returned false");
    }
    LocalChecksumFiles.dropSidecar(fs, target);
  }

  // One FileContext per committer: on HDFS each one opens its own client.
  private FileContext fileContext() {
    if (!contextResolved) {
      context = resolveFileContext();
      contextResolved = true;
    }
    return context;
  }

  private FileContext resolveFileContext() {
    try {
      if (fs instanceof RawLocalFileSystem) {
        // The default binding for file:// checksums files beside each one, like LocalFileSystem.
        Configuration raw = new Configuration(fs.getConf());
        raw.set("fs.AbstractFileSystem.file.impl", LocalFiles.Context.class.getName());
        return FileContext.getFileContext(fs.getUri(), raw);
      }
      return FileContext.getFileContext(fs.getUri(), fs.getConf());
    } catch (UnsupportedFileSystemException e) {
      return null;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof FileNotFoundException) {
        return null;
      }
      throw e;
    }
  }
}
