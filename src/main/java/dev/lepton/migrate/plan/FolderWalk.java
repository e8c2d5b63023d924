package dev.lepton.migrate.plan;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Streams the files below a folder, depth first, listing one folder at a time with {@link
 * FileSystem#listStatusIterator}. Used on the local file system in place of its recursive {@code
 * listFiles}, which builds a {@code LocatedFileStatus} per file. Without Hadoop's native library,
 * the {@code RawLocalFileSystem} of Hadoop 3.3.4 reads each file's owner and permissions for that by
 * starting an {@code ls} process, once per file.
 */
final class FolderWalk implements RemoteIterator<FileStatus> {
  private final FileSystem fs;
  private final Deque<RemoteIterator<FileStatus>> folders = new ArrayDeque<>();
  private FileStatus next;

  /**
   * Starts the walk at {@code start}.
   *
   * @throws java.io.FileNotFoundException when {@code start} does not exist
   */
  FolderWalk(FileSystem fs, Path start) throws IOException {
    this.fs = fs;
    folders.push(fs.listStatusIterator(start));
    hasNext();
  }

  /** Returns whether {@code fs} is the local file system, the one this walk is for. */
  static boolean appliesTo(FileSystem fs) {
    return "file".equals(fs.getUri().getScheme());
  }

  @Override
  public boolean hasNext() throws IOException {
    while (next == null && !folders.isEmpty()) {
      RemoteIterator<FileStatus> folder = folders.peek();
      if (!folder.hasNext()) {
        folders.pop();
        continue;
      }
      FileStatus status = folder.next();
      if (status.isDirectory()) {
        folders.push(fs.listStatusIterator(status.getPath()));
      } else if (status.isFile()) {
        next = status;
      }
    }
    return next != null;
  }

  @Override
  public FileStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    FileStatus file = next;
    next = null;
    return file;
  }
}
