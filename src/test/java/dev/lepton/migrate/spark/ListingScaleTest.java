package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.servers.S3MockServer;
import dev.lepton.migrate.testing.servers.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists 10,000 objects on S3Mock through S3A with 100-key pages, in the layout of {@link
 * ListingScenario}: half of them flat in one prefix (more than the driver keeps, so a task lists
 * them), half spread over 20 sub-prefixes that 20 tasks list in parallel. Each object must come out
 * exactly once.
 *
 * <p>S3Mock accepted these 10,000 PUT requests in 136 s on 2 shared cores, too slowly to write
 * 100,000, so the 100,000-object benchmark runs the same scenario on the GCS test server instead, in
 * {@link GcsListingScaleTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingScaleTest {
  private static final String BUCKET = "scale";
  private static final int OBJECTS = 10_000;

  private S3MockServer server;
  private Configuration conf;

  @BeforeAll
  void start(@TempDir java.nio.file.Path dir) throws IOException {
    server = S3MockServer.start(dir, ServerProcess.Lifetime.BOUND_TO_JVM, BUCKET);
    conf = new Configuration(SharedSpark.session().sparkContext().hadoopConfiguration());
    server.hadoopConf(BUCKET).forEach(conf::set);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void listsEveryObjectOnceAcrossPagesAndPrefixes() throws Exception {
    long writeStarted = System.nanoTime();
    // Plain PUT requests, which S3Mock accepts unsigned. S3A's own create costs several requests
    // per object, which would make this test mostly about writing.
    ListingScenario.writeObjects(OBJECTS, i -> HttpRequest.newBuilder(
            URI.create(server.endpoint() + "/" + BUCKET + "/" + ListingScenario.objectName(i)))
        .PUT(HttpRequest.BodyPublishers.ofString(Integer.toString(i)))
        .build(), 200);
    long writeMillis = (System.nanoTime() - writeStarted) / 1_000_000;

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    long listStarted = System.nanoTime();
    JavaRDD<FileEntry> listed = Listing.list(jsc, new HadoopConf(conf), Location.parse("s3a://" + BUCKET + "/", "test"),
        new PathFilter(List.of(), List.of(), List.of()), ListingScenario.settings(), ListingScenario.DRIVER_FILES);
    long count = listed.count();
    long listMillis = (System.nanoTime() - listStarted) / 1_000_000;

    System.out.printf("Listing %d objects on S3Mock: wrote them in %d ms, listed in %d ms%n", OBJECTS, writeMillis, listMillis);
    assertThat(count).as("listed entries").isEqualTo(OBJECTS);
    ListingScenario.assertEachObjectListedOnce(listed, OBJECTS);
  }
}
