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
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a root with Spark: the driver reads the first folder levels to find prefixes, and Spark
 * tasks list each prefix recursively, streaming statuses into an RDD that is never collected.
 */
final class Listing {
  private static final Logger LOG = LoggerFactory.getLogger(Listing.class);

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
    FileSystem fs = Stores.fileSystem(root, conf.get());
    if (!rootExists(fs, root)) {
      return jsc.emptyRDD();
    }
    long started = System.nanoTime();
    PrefixLister.Seeds seeds;
    try {
      seeds = new PrefixLister(fs, root, filter).discover(settings.listingPrefixes(), settings.listingMaxDepth());
    } catch (IOException e) {
      throw new InvalidInputException("Cannot list " + root + ": " + e.getMessage()
          + ". Check the URI, the connector settings and the credentials.", e);
    }
    LOG.info("Listing {}: {} files found at the top, {} prefixes to list in parallel ({} ms)",
        root, seeds.files().size(), seeds.prefixes().size(), (System.nanoTime() - started) / 1_000_000);

    JavaRDD<FileEntry> top = jsc.parallelize(seeds.files(), 1);
    if (seeds.prefixes().isEmpty()) {
      return top;
    }
    JavaRDD<String> prefixes = jsc.parallelize(seeds.prefixes(), seeds.prefixes().size());
    JavaRDD<FileEntry> below = prefixes.mapPartitions(names -> {
      FileSystem taskFs = Stores.fileSystem(root, conf.get());
      PrefixLister lister = new PrefixLister(taskFs, root, filter);
      java.util.List<java.util.Iterator<FileEntry>> iterators = new java.util.ArrayList<>();
      while (names.hasNext()) {
        iterators.add(lister.listRecursively(names.next()));
      }
      return iterators.stream().flatMap(it -> {
        Iterable<FileEntry> iterable = () -> it;
        return java.util.stream.StreamSupport.stream(iterable.spliterator(), false);
      }).iterator();
    });
    return top.union(below);
  }
}
