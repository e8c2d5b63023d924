package dev.lepton.migrate.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes many small objects to a test store quickly, for listing tests. Each object contains its own
 * name in UTF-8. The writes go through the store's real protocol, several at a time.
 */
public final class ObjectSeeding {
  /** Requests in flight at a time. */
  public static final int WRITES_IN_FLIGHT = 32;

  /**
   * Creates in flight at a time through a Hadoop connector, where each create waits on several
   * calls. On 2 shared cores, 10,000 creates on HDFS took 64 s with 32 threads and 32 s with 96.
   */
  private static final int CONNECTOR_CREATES_IN_FLIGHT = 96;

  private ObjectSeeding() {}

  /** Returns the body of the object with this name. */
  public static byte[] body(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Sends one write request per name, {@value #WRITES_IN_FLIGHT} at a time, and checks that each
   * got {@code expectedStatus}.
   */
  public static void httpWrites(List<String> names, Function<String, HttpRequest> request, int expectedStatus)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Semaphore inFlight = new Semaphore(WRITES_IN_FLIGHT);
    List<CompletableFuture<HttpResponse<Void>>> writes = new ArrayList<>(names.size());
    for (String name : names) {
      HttpRequest write = request.apply(name);
      inFlight.acquire();
      writes.add(client.sendAsync(write, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> inFlight.release()));
    }
    for (CompletableFuture<HttpResponse<Void>> write : writes) {
      assertThat(write.get().statusCode()).as("write status").isEqualTo(expectedStatus);
    }
  }

  /**
   * Writes each object as {@code BUCKET/PREFIX+NAME} with one unsigned {@code PUT} to an S3 endpoint
   * that accepts them, such as S3Mock. S3A's create sends several requests per object.
   */
  public static void s3Puts(String endpoint, String bucket, String prefix, List<String> names) throws Exception {
    httpWrites(names, name -> HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket + "/" + encodePath(prefix + name)))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body(name)))
        .build(), 200);
  }

  /**
   * Writes each object as {@code PREFIX+NAME} with one media upload of the GCS JSON API. The
   * connector's create sends several requests per object.
   */
  public static void gcsMediaUploads(String rootUrl, String bucket, String prefix, List<String> names)
      throws Exception {
    httpWrites(names, name -> HttpRequest.newBuilder(URI.create(rootUrl + "upload/storage/v1/b/" + bucket
            + "/o?uploadType=media&name=" + URLEncoder.encode(prefix + name, StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(name)))
        .build(), 200);
  }

  /** Percent-encodes each segment of a slash-separated object key for a request path. */
  private static String encodePath(String key) {
    return Arrays.stream(key.split("/", -1))
        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }

  /** Runs one write per name on {@value #WRITES_IN_FLIGHT} threads and rethrows the first failure. */
  public static void parallelWrites(List<String> names, NameWriter writer) throws Exception {
    parallelWrites(names, WRITES_IN_FLIGHT, writer);
  }

  private static void parallelWrites(List<String> names, int threads, NameWriter writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> writes = new ArrayList<>(names.size());
      for (String name : names) {
        writes.add(pool.submit(() -> {
          writer.write(name);
          return null;
        }));
      }
      for (Future<Void> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Creates one file per name below {@code folderUri} through the store's Hadoop connector. */
  public static void fileSystemCreates(String folderUri, Configuration conf, List<String> names) throws Exception {
    FileSystem fs = FileSystem.get(URI.create(folderUri), conf);
    Path folder = new Path(folderUri);
    parallelWrites(names, CONNECTOR_CREATES_IN_FLIGHT, name -> {
      try (OutputStream out = fs.create(new Path(folder, name), false)) {
        out.write(body(name));
      }
    });
  }

  /** One write of the object with this name. */
  @FunctionalInterface
  public interface NameWriter {
    void write(String name) throws Exception;
  }
}
