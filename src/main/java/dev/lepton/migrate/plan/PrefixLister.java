package dev.lepton.migrate.plan;

import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists files below a root. {@link #discover} walks the first folder levels to find prefixes that
 * can be listed in parallel; {@link #listRecursively} streams one prefix's files through the
 * connector's own recursive listing (a paged flat listing on object stores), or on the local file
 * system through a {@link FolderWalk}.
 */
public final class PrefixLister {
  private final FileSystem fs;
  private final Location root;
  private final PathFilter filter;

  public PrefixLister(FileSystem fs, Location root, PathFilter filter) {
    this.fs = fs;
    this.root = root;
    this.filter = filter;
  }

  /**
   * Files met while discovering prefixes; the prefixes (relative folders) left to list recursively;
   * and crowded folders, whose own files a task lists because there are more than the driver keeps.
   */
  public record Seeds(List<FileEntry> files, List<String> prefixes, List<String> crowdedFolders) {}

  /**
   * Descends level by level until there are at least {@code minPrefixes} folders to list or
   * {@code maxDepth} levels were read. A missing root yields no files. The driver keeps at most
   * {@code maxDriverFiles} files of one folder: a folder with more becomes a crowded folder, so a
   * flat prefix of millions of objects is paged through once here without being held.
   */
  public Seeds discover(int minPrefixes, int maxDepth, int maxDriverFiles) throws IOException {
    List<FileEntry> files = new ArrayList<>();
    List<String> crowded = new ArrayList<>();
    List<String> level = new ArrayList<>(List.of(""));
    for (int depth = 0; depth < maxDepth && !level.isEmpty() && level.size() < minPrefixes; depth++) {
      List<String> next = new ArrayList<>();
      for (String folder : level) {
        List<FileEntry> own = new ArrayList<>();
        boolean isCrowded = false;
        RemoteIterator<FileStatus> statuses = listFolder(folder);
        while (statuses.hasNext()) {
          FileStatus status = statuses.next();
          String relative = root.relativize(status.getPath());
          if (relative == null || relative.isEmpty()) {
            continue;
          }
          if (status.isDirectory()) {
            if (filter.mayDescend(relative)) {
              next.add(relative);
            }
          } else if (!isCrowded && filter.accepts(relative)) {
            own.add(toEntry(relative, status));
            if (own.size() > maxDriverFiles) {
              isCrowded = true;
              own.clear();
            }
          }
        }
        if (isCrowded) {
          crowded.add(folder);
        } else {
          files.addAll(own);
        }
      }
      level = next;
    }
    return new Seeds(files, level, crowded);
  }

  private RemoteIterator<FileStatus> listFolder(String folder) throws IOException {
    if (GcsObjectListing.appliesTo(fs)) {
      return GcsObjectListing.list(fs, root.resolve(folder), false);
    }
    try {
      return fs.listStatusIterator(root.resolve(folder));
    } catch (java.io.FileNotFoundException e) {
      return new RemoteIterator<>() {
        @Override
        public boolean hasNext() {
          return false;
        }

        @Override
        public FileStatus next() {
          throw new NoSuchElementException();
        }
      };
    }
  }

  /** Streams the files directly in one folder, leaving out what the filter rejects. */
  public Iterator<FileEntry> listShallow(String folder) throws IOException {
    return new FilteringIterator(listFolder(folder));
  }

  /** Streams the files below one prefix, leaving out what the filter rejects. */
  public Iterator<FileEntry> listRecursively(String prefix) throws IOException {
    Path start = root.resolve(prefix);
    if (GcsObjectListing.appliesTo(fs)) {
      return new FilteringIterator(GcsObjectListing.list(fs, start, true));
    }
    RemoteIterator<? extends FileStatus> statuses;
    try {
      statuses = FolderWalk.appliesTo(fs) ? new FolderWalk(fs, start) : fs.listFiles(start, true);
    } catch (java.io.FileNotFoundException e) {
      return java.util.Collections.emptyIterator();
    }
    return new FilteringIterator(statuses);
  }

  static FileEntry toEntry(String relative, FileStatus status) {
    return new FileEntry(relative, status.getLen(), status.getModificationTime(), Stores.etagOf(status));
  }

  private final class FilteringIterator implements Iterator<FileEntry> {
    private final RemoteIterator<? extends FileStatus> statuses;
    private final Deque<FileEntry> buffer = new ArrayDeque<>(1);

    FilteringIterator(RemoteIterator<? extends FileStatus> statuses) {
      this.statuses = statuses;
    }

    @Override
    public boolean hasNext() {
      try {
        while (buffer.isEmpty() && statuses.hasNext()) {
          FileStatus status = statuses.next();
          String relative = root.relativize(status.getPath());
          if (relative != null && !relative.isEmpty() && status.isFile() && filter.accepts(relative)) {
            buffer.add(toEntry(relative, status));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
      }
      return !buffer.isEmpty();
    }

    @Override
    public FileEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.poll();
    }
  }
}
