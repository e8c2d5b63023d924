package dev.lepton.migrate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.config.PlanSettings;
import dev.lepton.migrate.plan.FileEntry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import org.apache.spark.api.java.JavaRDD;

/**
 * The objects of the listing scale tests: even-numbered ones flat in {@code flat/}, odd-numbered
 * ones spread over {@value #SUB_PREFIXES} folders {@code nested/p-NN/}. With {@link #settings()} and
 * {@link #DRIVER_FILES}, discovery finds the 20 sub-prefixes and marks {@code flat/} as crowded, so
 * the listing has one task per sub-prefix, one for {@code flat/} and one for the (empty) top level.
 */
final class ListingScenario {
  static final int SUB_PREFIXES = 20;
  /** Maximum files of one folder that discovery keeps on the driver. {@code flat/} has more, so a task lists it. */
  static final int DRIVER_FILES = 1_000;
  static final int LISTING_TASKS = 1 + SUB_PREFIXES + 1;
  private static final int WRITES_IN_FLIGHT = 32;

  private ListingScenario() {}

  static String objectName(int index) {
    return index % 2 == 0
        ? String.format("flat/object-%06d.txt", index)
        : String.format("nested/p-%02d/object-%06d.txt", (index / 2) % SUB_PREFIXES, index);
  }

  static int flatObjects(int objects) {
    return (objects + 1) / 2;
  }

  /** Returns plan settings that stop discovery once it has at least 16 prefixes, at most 3 levels down. */
  static PlanSettings settings() {
    return new PlanSettings(256L << 20, 2, 256L << 10, 16, 3);
  }

  /**
   * Sends one write request per object, {@value #WRITES_IN_FLIGHT} at a time, and checks that each
   * got {@code expectedStatus}. The request carries the object's index as its body.
   */
  static void writeObjects(int objects, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Semaphore inFlight = new Semaphore(WRITES_IN_FLIGHT);
    List<CompletableFuture<HttpResponse<Void>>> writes = new ArrayList<>(objects);
    for (int i = 0; i < objects; i++) {
      HttpRequest write = request.apply(i);
      inFlight.acquire();
      writes.add(client.sendAsync(write, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> inFlight.release()));
    }
    for (CompletableFuture<HttpResponse<Void>> write : writes) {
      assertThat(write.get().statusCode()).as("write status").isEqualTo(expectedStatus);
    }
  }

  /**
   * Checks that the listing yields every object of the scenario exactly once and nothing else, and
   * that it has one partition per listing task. Collects the listed paths on the test's driver, so
   * it runs the listing once more.
   */
  static void assertEachObjectListedOnce(JavaRDD<FileEntry> listed, int objects) {
    List<String> paths = listed.map(FileEntry::relativePath).collect();
    Set<String> distinct = new HashSet<>(paths);
    Set<String> expected = new HashSet<>(objects);
    for (int i = 0; i < objects; i++) {
      expected.add(objectName(i));
    }
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
