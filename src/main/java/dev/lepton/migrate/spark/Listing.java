package dev.lepton.migrate.spark;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.config.PlanSettings;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.plan.PrefixLister;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.store.Stores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Lists a root with Spark: the driver reads the first folder levels to find prefixes, and Spark
 * tasks list each prefix recursively, streaming statuses into an RDD that is never collected. The
 * driver pages through a folder's direct entries without keeping more than
 * {@link #MAX_DRIVER_FILES} files of it; a folder with more is listed again by a task.
 *
 * <p>NOTE: the files directly in one folder are listed by one task, however many there are: a
 * flat prefix of millions of objects is paged through sequentially, because a listing has no way
 * to split one prefix's keys between tasks without delimiters.
 *
 * <p>Tasks read the Hadoop configuration from a broadcast variable: serialized into each task, it
 * took more time than listing a small prefix, and every task of a later stage that reads the
 * listing carries its lineage.
 *
 * <p>GCS folders are paged by {@code GcsObjectListing}: the GCS connector 2.2.26 reads every page of
 * a folder before {@code listStatusIterator} returns its first entry.
 */
final class Listing {
  private static final Logger LOG = LoggerFactory.getLogger(Listing.class);
  /** Files of one folder the driver keeps while discovering prefixes; more go to a task. */
  static final int MAX_DRIVER_FILES = 10_000;

  private Listing() {}

  /** Returns whether the root is a folder that exists, and rejects a file as root. */
  static boolean rootExists(FileSystem fs, Location root) {
    try {
      FileStatus status = fs.getFileStatus(root.path());
      if (!status.isDirectory()) {
        throw new InvalidInputException(
            "Cannot list " + root + ": it is a file, not a folder. Give the folder that contains it as"
                + " root and select the file with migration.include-globs.");
      }
      return true;
    } catch (java.io.FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + root + ": " + e.getMessage()
          + ". Check the URI, the connector settings and the credentials.", e);
    }
  }

  static JavaRDD<FileEntry> list(
      JavaSparkContext jsc, HadoopConf conf, Location root, PathFilter filter, PlanSettings settings) {
    return list(jsc, conf, root, filter, settings, MAX_DRIVER_FILES);
  }

  static JavaRDD<FileEntry> list(JavaSparkContext jsc, HadoopConf conf, Location root, PathFilter filter,
      PlanSettings settings, int maxDriverFiles) {
    FileSystem fs = Stores.fileSystem(root, conf.get());
    if (!rootExists(fs, root)) {
      return jsc.emptyRDD();
    }
    long started = System.nanoTime();
    PrefixLister.Seeds seeds;
    try {
      seeds = new PrefixLister(fs, root, filter)
          .discover(settings.listingPrefixes(), settings.listingMaxDepth(), maxDriverFiles);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidInputException("Cannot list " + root + ": " + e.getMessage()
          + ". Check the URI, the connector settings and the credentials.", e);
    }
    LOG.info("Listing {}: {} files found at the top, {} prefixes to list in parallel, {} crowded folders ({} ms)",
        root, seeds.files().size(), seeds.prefixes().size(), seeds.crowdedFolders().size(),
        (System.nanoTime() - started) / 1_000_000);

    JavaRDD<FileEntry> top = jsc.parallelize(seeds.files(), 1);
    List<Tuple2<String, Boolean>> work = new ArrayList<>();
    seeds.prefixes().forEach(prefix -> work.add(new Tuple2<>(prefix, Boolean.TRUE)));
    seeds.crowdedFolders().forEach(folder -> work.add(new Tuple2<>(folder, Boolean.FALSE)));
    if (work.isEmpty()) {
      return top;
    }
    // One task per prefix: TRUE lists below it recursively, FALSE lists a crowded folder's own files.
    Broadcast<HadoopConf> taskConf = jsc.broadcast(conf);
    JavaRDD<FileEntry> below = jsc.parallelize(work, work.size()).mapPartitions(items -> {
      FileSystem taskFs = Stores.fileSystem(root, taskConf.value().get());
      PrefixLister lister = new PrefixLister(taskFs, root, filter);
      List<Iterator<FileEntry>> iterators = new ArrayList<>();
      while (items.hasNext()) {
        Tuple2<String, Boolean> item = items.next();
        iterators.add(item._2() ? lister.listRecursively(item._1()) : lister.listShallow(item._1()));
      }
      return iterators.stream().flatMap(it -> {
        Iterable<FileEntry> iterable = () -> it;
        return StreamSupport.stream(iterable.spliterator(), false);
      }).iterator();
    });
    return top.union(below);
  }
}
