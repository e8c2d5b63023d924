package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.config.PlanSettings;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.Location;
import dev.lepton.migrate.testing.SharedSpark;
import dev.lepton.migrate.testing.servers.S3MockServer;
import dev.lepton.migrate.testing.servers.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists many objects on S3Mock through S3A with 100-key pages: half of them flat in one prefix (more
 * than the driver keeps, so a task lists them), half spread over 20 sub-prefixes that 20 tasks list
 * in parallel. Each object must come out exactly once.
 *
 * <p>The 100,000-object case is a benchmark: {@code -Dlepton.bench.listing-objects=100000} runs it
 * instead of the 10,000-object test size (writing the objects dominates its time).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingScaleTest {
  private static final String BUCKET = "scale";
  private static final int DRIVER_FILES = 1_000;

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
    int objects = Integer.getInteger("lepton.bench.listing-objects", 10_000);
    long writeStarted = System.nanoTime();
    writeObjects(objects);
    long writeMillis = (System.nanoTime() - writeStarted) / 1_000_000;

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    PlanSettings settings = new PlanSettings(256L << 20, 2, 256L << 10, 16, 3);
    long listStarted = System.nanoTime();
    JavaRDD<FileEntry> listed = Listing.list(jsc, new HadoopConf(conf), Location.parse("s3a://" + BUCKET + "/", "test"),
        new PathFilter(List.of(), List.of(), List.of()), settings, DRIVER_FILES);
    long count = listed.count();
    long listMillis = (System.nanoTime() - listStarted) / 1_000_000;
    long distinct = listed.map(FileEntry::relativePath).distinct().count();

    System.out.printf("Listing %d objects on S3Mock: wrote them in %d ms, listed in %d ms%n", objects, writeMillis, listMillis);
    assertThat(count).as("listed entries").isEqualTo(objects);
    assertThat(distinct).as("distinct paths").isEqualTo(objects);
    assertThat(listed.filter(e -> e.relativePath().startsWith("flat/")).count()).isEqualTo(objects / 2);
    assertThat(listed.getNumPartitions()).as("one listing task per prefix and crowded folder, plus the top")
        .isEqualTo(1 + 20 + 1);
  }

  /**
   * Writes the objects with plain PUT requests, 32 at a time; S3Mock ignores signatures. S3A's own
   * create costs several requests per object, which would make this test mostly about writing.
   */
  private void writeObjects(int objects) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Semaphore inFlight = new Semaphore(32);
    List<CompletableFuture<HttpResponse<Void>>> writes = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      String name = i % 2 == 0 ? String.format("flat/object-%06d.txt", i)
          : String.format("nested/p-%02d/object-%06d.txt", (i / 2) % 20, i);
      HttpRequest put = HttpRequest.newBuilder(URI.create(server.endpoint() + "/" + BUCKET + "/" + name))
          .PUT(HttpRequest.BodyPublishers.ofString(Integer.toString(i)))
          .build();
      inFlight.acquire();
      writes.add(client.sendAsync(put, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> inFlight.release()));
    }
    for (CompletableFuture<HttpResponse<Void>> write : writes) {
      assertThat(write.get().statusCode()).as("PUT status").isEqualTo(200);
    }
  }
}
