package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.config.PlanSettings;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.SharedSpark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The objects of the listing scale tests, which the store contract lists on every store and the GCS
 * listing benchmark at larger counts: even-numbered ones flat in {@code flat/}, odd-numbered ones
 * spread over {@value #SUB_PREFIXES} folders {@code nested/p-NN/}. With {@link #settings()} and
 * {@link #DRIVER_FILES}, discovery finds the 20 sub-prefixes and marks {@code flat/} as crowded, so
 * the listing has one task per sub-prefix, one for {@code flat/} and one for the (empty) top level.
 */
public final class ListingScenario {
  public static final int SUB_PREFIXES = 20;
  /** Maximum files of one folder that discovery keeps on the driver. {@code flat/} has more, so a task lists it. */
  public static final int DRIVER_FILES = 1_000;
  public static final int LISTING_TASKS = 1 + SUB_PREFIXES + 1;

  private ListingScenario() {}

  public static String objectName(int index) {
    return index % 2 == 0
        ? String.format("flat/object-%06d.txt", index)
        : String.format("nested/p-%02d/object-%06d.txt", (index / 2) % SUB_PREFIXES, index);
  }

  public static int flatObjects(int objects) {
    return (objects + 1) / 2;
  }

  /** Returns plan settings that stop discovery once it has at least 16 prefixes, at most 3 levels down. */
  public static PlanSettings settings() {
    return new PlanSettings(256L << 20, 2, 256L << 10, 16, 3);
  }

  /** Returns the names of the first {@code objects} objects of the scenario. */
  public static List<String> objectNames(int objects) {
    List<String> names = new ArrayList<>(objects);
    for (int i = 0; i < objects; i++) {
      names.add(objectName(i));
    }
    return names;
  }

  /**
   * Lists a root with the job's listing ({@code Listing.list}): discovery on the driver with {@link
   * #settings()} and {@link #DRIVER_FILES}, then one Spark task per prefix found.
   */
  public static JavaRDD<FileEntry> list(Configuration conf, String rootUri) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    return Listing.list(jsc, new HadoopConf(conf), Location.parse(rootUri, "test"),
        new PathFilter(List.of(), List.of(), List.of()), settings(), DRIVER_FILES);
  }

  /**
   * Checks that the listing yields every object of the scenario exactly once and nothing else, and
   * that it has one partition per listing task. Collects the listed paths on the test's driver, so
   * it runs the listing once more.
   */
  public static void assertEachObjectListedOnce(JavaRDD<FileEntry> listed, int objects) {
    List<String> paths = listed.map(FileEntry::relativePath).collect();
    Set<String> distinct = new HashSet<>(paths);
    Set<String> expected = new HashSet<>(objectNames(objects));
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(distinct);
    Set<String> unexpected = new HashSet<>(distinct);
    unexpected.removeAll(expected);

    assertThat(paths).as("listed entries").hasSize(objects);
    assertThat(distinct).as("distinct listed paths").hasSize(objects);
    assertThat(missing).as("objects missing from the listing").isEmpty();
    assertThat(unexpected).as("listed paths that were never written").isEmpty();
    assertThat(paths.stream().filter(path -> path.startsWith("flat/")).count())
        .as("entries listed under flat/")
        .isEqualTo(flatObjects(objects));
    assertThat(listed.getNumPartitions())
        .as("one listing task per sub-prefix and crowded folder, plus the top")
        .isEqualTo(LISTING_TASKS);
  }
}
