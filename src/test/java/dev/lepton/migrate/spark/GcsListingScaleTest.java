package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.plan.PrefixLister;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.gcs.GcsCall;
import dev.lepton.migrate.testing.gcs.GcsTestServer;
import dev.lepton.migrate.testing.servers.ObjectSeeding;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists the objects of {@link ListingScenario} on the GCS test server through the real connector,
 * with pages of 1,000 objects, the service's maximum.
 *
 * <p>By default it writes {@value #DEFAULT_OBJECTS} objects, so that {@code flat/} spans two pages,
 * and checks only that a folder is listed one page at a time. The store contract lists 10,000
 * objects on every store, GCS included. {@code -Dlepton.bench.listing-objects=100000} makes it the
 * 100,000-object benchmark of {@code benchmarks/README.md}: it then also lists the whole scenario,
 * checks that each object comes out exactly once with at least one list request per 1,000 objects,
 * and prints the write and list times and the requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcsListingScaleTest {
  private static final String BUCKET = "listing-scale";
  private static final String ROOT = "gs://" + BUCKET + "/";
  private static final int PAGE_SIZE = 1_000;

  private static final String BENCHMARK_OBJECTS = "lepton.bench.listing-objects";
  private static final int DEFAULT_OBJECTS = 3_000;

  private final int objects = Integer.getInteger(BENCHMARK_OBJECTS, DEFAULT_OBJECTS);
  private GcsTestServer server;
  private Configuration conf;

  @BeforeAll
  void start(@TempDir java.nio.file.Path dir) throws Exception {
    server = GcsTestServer.start(dir).createBucket(BUCKET);
    conf = new Configuration(SharedSpark.session().sparkContext().hadoopConfiguration());
    server.hadoopConf().forEach(conf::set);
    conf.setInt("fs.gs.list.max.items.per.call", PAGE_SIZE);

    long writeStarted = System.nanoTime();
    ObjectSeeding.gcsMediaUploads(server.rootUrl(), BUCKET, "", ListingScenario.objectNames(objects));
    System.out.printf("GCS listing scale: wrote %d objects in %d ms%n", objects, (System.nanoTime() - writeStarted) / 1_000_000);
  }

  @AfterAll
  void stop() throws IOException {
    if (server != null) {
      // The file system cache keys on the bucket alone, so close the client before its server goes.
      FileSystem.get(URI.create(ROOT), conf).close();
      server.close();
    }
  }

  @Test
  void benchmarkListsEveryObjectOnce() {
    Assumptions.assumeTrue(System.getProperty(BENCHMARK_OBJECTS) != null,
        "the store contract lists 10,000 objects on GCS; set -D" + BENCHMARK_OBJECTS + " to run the benchmark");
    long pagesBefore = server.calls().count(GcsCall.LIST_OBJECTS);
    long listStarted = System.nanoTime();
    JavaRDD<FileEntry> listed = ListingScenario.list(conf, ROOT);
    long discoveryMillis = (System.nanoTime() - listStarted) / 1_000_000;
    long discoveryPages = server.calls().count(GcsCall.LIST_OBJECTS) - pagesBefore;
    long count = listed.count();
    long listMillis = (System.nanoTime() - listStarted) / 1_000_000;
    long pages = server.calls().count(GcsCall.LIST_OBJECTS) - pagesBefore;

    System.out.printf("GCS listing scale: listed %d objects in %d ms with %d list requests"
            + " (discovery on the driver: %d ms, %d list requests); calls %s%n",
        count, listMillis, pages, discoveryMillis, discoveryPages, server.calls().snapshot());
    assertThat(count).as("listed entries").isEqualTo(objects);
    assertThat(pages).as("list requests of %d objects each at most", PAGE_SIZE)
        .isGreaterThanOrEqualTo(objects / PAGE_SIZE);
    ListingScenario.assertEachObjectListedOnce(listed, objects);
  }

  /**
   * Checks that a folder is listed one page at a time: the connector's own {@code
   * listStatusIterator} would request every page of {@code flat/} before its first status.
   */
  @Test
  void folderListingRequestsOnePageBeforeFirstFile() throws IOException {
    FileSystem fs = FileSystem.get(URI.create(ROOT), conf);
    PrefixLister lister = new PrefixLister(fs, Location.parse(ROOT, "test"), new PathFilter(List.of(), List.of(), List.of()));

    long before = server.calls().count(GcsCall.LIST_OBJECTS);
    Iterator<FileEntry> shallow = lister.listShallow("flat");
    assertThat(shallow.hasNext()).as("flat/ has objects").isTrue();
    assertThat(server.calls().count(GcsCall.LIST_OBJECTS) - before).as("requests before the first file of flat/")
        .isEqualTo(1);
    long flatFiles = 0;
    while (shallow.hasNext()) {
      shallow.next();
      flatFiles++;
    }
    assertThat(flatFiles).isEqualTo(ListingScenario.flatObjects(objects));

    before = server.calls().count(GcsCall.LIST_OBJECTS);
    Iterator<FileEntry> nested = lister.listRecursively("nested");
    assertThat(nested.hasNext()).as("nested/ has objects").isTrue();
    assertThat(server.calls().count(GcsCall.LIST_OBJECTS) - before).as("requests before the first file below nested/")
        .isEqualTo(1);
  }
}
