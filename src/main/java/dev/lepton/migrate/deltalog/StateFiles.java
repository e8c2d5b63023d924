package dev.lepton.migrate.deltalog;

import dev.lepton.migrate.store.TargetCommitter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and replaces small files in the state folder, so a reader never sees half a file. */
final class StateFiles {
  private StateFiles() {}

  /** Replaces {@code file} with {@code bytes}: a hidden staging file beside it, then a rename. */
  static void replace(FileSystem fs, Path file, byte[] bytes) throws IOException {
    Path staged = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = fs.create(staged, true)) {
      out.write(bytes);
    }
    try {
      new TargetCommitter(fs).commit(staged, file, TargetCommitter.Mode.REPLACE);
    } finally {
      fs.delete(staged, false);
    }
  }

  /** Returns the bytes of {@code file}, or empty when it does not exist. */
  static Optional<byte[]> read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return Optional.of(in.readAllBytes());
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }
}
