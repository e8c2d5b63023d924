package dev.lepton.migrate.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a staging file on the local file system by hard-linking it to the final name, which
 * the kernel refuses atomically when the name exists, then removing the staging name. Java's move
 * without {@code REPLACE_EXISTING} checks for the target before renaming, so two processes could
 * both pass that check; a link cannot.
 */
final class HardLinkPublish implements CreateIfAbsent.Staged {
  private final FileSystem fs;

  HardLinkPublish(FileSystem fs) {
    this.fs = fs;
  }

  @Override
  public void publish(Path staged, Path target) throws IOException {
    java.nio.file.Path from = localFile(staged);
    java.nio.file.Path to = localFile(target);
    Files.createDirectories(to.getParent());
    try {
      Files.createLink(to, from);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException("File exists: " + target);
    } catch (UnsupportedOperationException | FileSystemException e) {
      // Some mounts (FAT, certain network shares) have no hard links.
      copyExclusively(from, to, target);
    }
    Files.delete(from);
  }

  /**
   * Creates the target with {@code O_EXCL} and copies the staged bytes into it. The name is taken
   * atomically, but a reader may see the file before its last byte is written.
   */
  private static void copyExclusively(java.nio.file.Path from, java.nio.file.Path to, Path target)
      throws IOException {
    try (InputStream in = Files.newInputStream(from);
        OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      in.transferTo(out);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException("File exists: " + target);
    }
  }

  private java.nio.file.Path localFile(Path path) {
    Path qualified = fs.makeQualified(path);
    return new File(qualified.toUri().getPath()).toPath();
  }
}
