package dev.lepton.migrate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.testing.Cli;
import dev.lepton.migrate.testing.Trees;
import dev.lepton.migrate.testing.servers.S3MockServer;
import dev.lepton.migrate.testing.servers.ServerProcess;
import dev.lepton.migrate.testing.servers.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that other S3 tools write and S3A never does: a directory marker with content and a key
 * ending in '/' below a file's prefix. Written with plain PUT requests to S3Mock, they must not
 * become files on the target, and a marker with nothing below it becomes an empty folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3KeyShapesTest {
  private static final String BUCKET = "shapes";

  private Path dir;
  private S3MockServer server;
  private TestStore store;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    server = S3MockServer.start(dir.resolve("server"), ServerProcess.Lifetime.BOUND_TO_JVM, BUCKET);
    Map<String, String> conf = server.hadoopConf(BUCKET);
    store = new TestStore() {
      @Override
      public String name() {
        return "s3mock";
      }

      @Override
      public String uri(String folder) {
        return "s3a://" + BUCKET + "/" + folder;
      }

      @Override
      public Map<String, String> hadoopConf() {
        return conf;
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void put(String key, String content) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/" + BUCKET + "/" + key))
        .PUT(HttpRequest.BodyPublishers.ofString(content))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT %s: %s", key, response.body()).isEqualTo(200);
  }

  @Test
  void slashKeysNeverBecomeFiles() throws Exception {
    put("keys/data/file.txt", "file");
    put("keys/data/", "");
    put("keys/odd-marker/", "bytes in a marker");
    put("keys/empty-marker/", "");

    Cli.Result copy = StoreRuns.run(List.of(store), "copy", store.uri("keys"), dir.resolve("back").toString());

    assertThat(copy.code()).as(copy.out() + copy.err()).isEqualTo(ExitCode.SUCCESS);
    Path back = dir.resolve("back");
    assertThat(Trees.files(back, "_lepton")).containsExactly("data/file.txt");
    assertThat(back.resolve("empty-marker")).isEmptyDirectory();
  }
}
