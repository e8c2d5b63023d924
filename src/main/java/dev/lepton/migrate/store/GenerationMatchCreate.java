package dev.lepton.migrate.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Creates a GCS object without overwrite. The GCS connector (2.2.x) sends such uploads with
 * {@code ifGenerationMatch=0}, so the store accepts the upload only when no object has the name,
 * and the object becomes visible only when the upload completes. A rejected upload surfaces as an
 * error on close; the object then belongs to another writer.
 *
 * <p>Tested against the project's GCS test server, which enforces {@code ifGenerationMatch}; not
 * against Google Cloud Storage itself.
 */
final class GenerationMatchCreate implements CreateIfAbsent.Direct {
  private final FileSystem fs;

  GenerationMatchCreate(FileSystem fs) {
    this.fs = fs;
  }

  @Override
  public void write(Path target, InputStream content, long length, byte[] buffer) throws IOException {
    try (OutputStream out = fs.create(target, false)) {
      int read;
      while ((read = content.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
      }
    } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException("File exists: " + target);
    } catch (IOException e) {
      // A precondition failure (HTTP 412) arrives as a plain IOException on close.
      if (exists(target)) {
        throw new FileAlreadyExistsException("File exists: " + target + " (" + e.getMessage() + ")");
      }
      throw e;
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
