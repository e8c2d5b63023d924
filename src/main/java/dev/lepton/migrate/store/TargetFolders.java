package dev.lepton.migrate.store;

import dev.lepton.migrate.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks and creates the folders a command writes into. Commands call these before their first
 * write, so that a path that cannot be a folder ends the run with invalid input (exit 2) while the
 * target is still untouched.
 */
public final class TargetFolders {
  private TargetFolders() {}

  /**
   * Rejects {@code folder} when it is a file, or when the nearest of its parents that exists is a
   * file. A folder that does not exist yet passes, because the command creates it. Reads one status
   * per level, walking up until a path exists.
   *
   * @param action what the command does with the folder, for the message, such as {@code "sync to"}
   * @param setting the config key and option that name the folder, such as {@code
   *     "migration.target (or --target)"}
   * @throws InvalidInputException when the folder cannot be a folder, or its status cannot be read
   */
  public static void requireFolderOrAbsent(FileSystem fs, Path folder, String action, String setting) {
    Optional<FileStatus> own = status(fs, folder, action);
    if (own.isPresent()) {
      if (!own.get().isDirectory()) {
        throw notAFolder(folder, "it", action, setting);
      }
      return;
    }
    for (Path parent = folder.getParent(); parent != null; parent = parent.getParent()) {
      Optional<FileStatus> status;
      try {
        status = statusIfPresent(fs, parent);
      } catch (IOException e) {
        // A job may write below a prefix whose parents it may not read (an S3 policy on bucket/team/*),
        // so an unreadable parent ends the walk without an error.
        return;
      }
      if (status.isPresent()) {
        if (!status.get().isDirectory()) {
          throw notAFolder(folder, parent.toString(), action, setting);
        }
        return;
      }
    }
  }

  /**
   * Creates {@code folder} and its missing parents.
   *
   * @param action what failed, for the message, such as {@code "create the state folder"}
   * @param setting the config key and option that name the folder
   * @throws InvalidInputException when the store does not create it, for example for lack of
   *     permission
   */
  public static void create(FileSystem fs, Path folder, String action, String setting) {
    String reason;
    IOException cause = null;
    try {
      if (fs.mkdirs(folder)) {
        return;
      }
      reason = "the file system did not create it";
    } catch (IOException e) {
      reason = e.getMessage();
      cause = e;
    }
    throw new InvalidInputException("Cannot " + action + " " + folder + ": " + reason + ". Check that this job"
        + " may write there, or set " + setting + " to a folder it can write.", cause);
  }

  private static Optional<FileStatus> status(FileSystem fs, Path folder, String action) {
    try {
      return statusIfPresent(fs, folder);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot " + action + " " + folder + ": " + e.getMessage()
          + ". Check the URI, the connector settings and the credentials.", e);
    }
  }

  /** Returns the status of {@code path}, or empty when it does not exist, as a path below a file does not. */
  private static Optional<FileStatus> statusIfPresent(FileSystem fs, Path path) throws IOException {
    try {
      return Optional.of(fs.getFileStatus(path));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  private static InvalidInputException notAFolder(Path folder, String file, String action, String setting) {
    return new InvalidInputException("Cannot " + action + " " + folder + ": " + file + " is a file, not a folder."
        + " Set " + setting + " to a folder, or to a path that does not exist yet.");
  }
}
