package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.plan.Renames;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.Stores;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Recreates the source's empty folders on a target that has folders (local files, HDFS, ABFS).
 * Copies carry files only, so a folder without files would otherwise be lost. On object-store
 * targets nothing is created: a folder there exists only through the objects below it.
 *
 * <p>Each top-level folder of the source is walked by one Spark task, which creates the empty
 * folders it finds on the target itself, so no list of folders reaches the driver. On S3 the walk
 * is one flat listing that returns directory markers; elsewhere it lists folder by folder.
 * Directory markers on object-store sources are folders here, never files.
 */
final class EmptyFolders {
  private static final String S3A = "org.apache.hadoop.fs.s3a.S3AFileSystem";

  private EmptyFolders() {}

  /** Creates the empty folders on the target; returns how many there were. */
  static long recreate(JavaSparkContext jsc, HadoopConf conf, MigrationConfig config, RunLayout layout) {
    if (!layout.target().kind().hasFolders() || !config.include().isEmpty()) {
      // With include globs, only matching files are copied; a folder without files matches none.
      return 0;
    }
    Location source = layout.source();
    PathFilter filter = new PathFilter(config.include(), config.exclude(), layout.reservedFolders());
    List<String> topFolders = new ArrayList<>();
    try {
      for (FileStatus status : Stores.fileSystem(source, conf.get()).listStatus(source.path())) {
        String relative = source.relativize(status.getPath());
        if (status.isDirectory() && relative != null && !relative.isEmpty() && keeps(filter, relative)) {
          topFolders.add(relative);
        }
      }
    } catch (FileNotFoundException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + source + ": " + e.getMessage(), e);
    }
    if (topFolders.isEmpty()) {
      return 0;
    }
    Location target = layout.target();
    Renames renames = config.copy().rename();
    jsc.setJobGroup("lepton-copy-folders", "Recreate empty folders below " + topFolders.size() + " folders", false);
    return jsc.parallelize(topFolders, topFolders.size()).map(folder -> {
      FileSystem sourceFs = Stores.fileSystem(source, conf.get());
      FileSystem targetFs = Stores.targetFileSystem(target, conf.get());
      long created = 0;
      for (String empty : emptyFoldersBelow(sourceFs, source, folder, filter)) {
        targetFs.mkdirs(target.resolve(renames.targetPathOf(empty)));
        created++;
      }
      return created;
    }).fold(0L, Long::sum);
  }

  private static boolean keeps(PathFilter filter, String relativeFolder) {
    return filter.mayDescend(relativeFolder) && filter.accepts(relativeFolder);
  }

  /** Returns the empty folders at or below {@code folder}, as paths relative to the root. */
  static List<String> emptyFoldersBelow(FileSystem fs, Location root, String folder, PathFilter filter)
      throws IOException {
    if (fs.getClass().getName().equals(S3A)) {
      return s3Markers(fs, root, folder, filter);
    }
    List<String> empty = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(folder));
    while (!pending.isEmpty()) {
      String current = pending.pop();
      boolean hasChildren = false;
      RemoteIterator<FileStatus> children = fs.listStatusIterator(root.resolve(current));
      while (children.hasNext()) {
        FileStatus child = children.next();
        hasChildren = true;
        String relative = root.relativize(child.getPath());
        if (child.isDirectory() && relative != null && keeps(filter, relative)) {
          pending.push(relative);
        }
      }
      if (!hasChildren) {
        empty.add(current);
      }
    }
    return empty;
  }

  /**
   * Lists S3 directory markers with nothing below them, through S3A's listing of files and empty
   * directories (one paged flat listing). Called by reflection because hadoop-aws is optional.
   */
  @SuppressWarnings("unchecked")
  private static List<String> s3Markers(FileSystem fs, Location root, String folder, PathFilter filter)
      throws IOException {
    RemoteIterator<? extends FileStatus> statuses;
    try {
      statuses = (RemoteIterator<? extends FileStatus>) fs.getClass()
          .getMethod("listFilesAndEmptyDirectories", Path.class, boolean.class)
          .invoke(fs, root.resolve(folder), true);
    } catch (ReflectiveOperationException e) {
      throw new IOException("Cannot list empty directories of " + root.resolve(folder) + ": " + e, e);
    }
    List<String> empty = new ArrayList<>();
    while (statuses.hasNext()) {
      FileStatus status = statuses.next();
      String relative = root.relativize(status.getPath());
      if (status.isDirectory() && relative != null && !relative.isEmpty() && keeps(filter, relative)) {
        empty.add(relative);
      }
    }
    return empty;
  }
}
