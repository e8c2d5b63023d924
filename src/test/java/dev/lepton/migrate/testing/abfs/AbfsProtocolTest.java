package dev.lepton.migrate.testing.abfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.azurebfs.services.SharedKeyCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks DFS endpoint details with single requests signed by the driver's own Shared Key signer:
 * append and flush positions, conditional creates, leases, renames, listing pages and errors.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AbfsProtocolTest {
  private static final String FILESYSTEM = "protocol";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path serverRoot;

  private static AbfsTestServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = AbfsTestServer.start(serverRoot).createFilesystem(FILESYSTEM);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** A response: status, headers (names in lower case) and body. */
  private record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }

    String errorCode() {
      return header("x-ms-error-code");
    }
  }

  @Test
  void flushRejectsGapsAndCommitsContiguousAppends() throws Exception {
    call("PUT", "flush/file", "resource=file", Map.of(), "");
    call("PATCH", "flush/file", "action=append&position=0", Map.of(), "hello");
    call("PATCH", "flush/file", "action=append&position=10", Map.of(), "later");

    Response gap = call("PATCH", "flush/file", "action=flush&position=15", Map.of(), "");
    Response behind = call("PATCH", "flush/file", "action=flush&position=3", Map.of(), "");
    Response flushed = call("PATCH", "flush/file", "action=flush&position=5&close=true", Map.of(), "");

    assertThat(gap.status()).isEqualTo(400);
    assertThat(gap.errorCode()).isEqualTo("InvalidFlushPosition");
    assertThat(behind.status()).isEqualTo(400);
    assertThat(flushed.status()).isEqualTo(200);
    assertThat(call("GET", "flush/file", "", Map.of(), "").body()).isEqualTo("hello");
    assertThat(call("HEAD", "flush/file", "action=getStatus", Map.of(), "").header("Content-Length")).isEqualTo("5");
  }

  @Test
  void appendsArrivingOutOfOrderFlushTogether() throws Exception {
    call("PUT", "parallel/file", "resource=file", Map.of(), "");
    call("PATCH", "parallel/file", "action=append&position=5", Map.of(), "world");
    call("PATCH", "parallel/file", "action=append&position=0", Map.of(), "hello");

    Response flushed = call("PATCH", "parallel/file", "action=flush&position=10", Map.of(), "");

    assertThat(flushed.status()).isEqualTo(200);
    assertThat(call("GET", "parallel/file", "", Map.of(), "").body()).isEqualTo("helloworld");
  }

  @Test
  void conditionalCreatesCheckExistenceAndEtag() throws Exception {
    Response created = call("PUT", "conditional/file", "resource=file", Map.of(), "");

    Response again = call("PUT", "conditional/file", "resource=file", Map.of("If-None-Match", "*"), "");
    Response stale = call("PUT", "conditional/file", "resource=file", Map.of("If-Match", "\"0x8D0000000000000\""), "");
    Response current = call("PUT", "conditional/file", "resource=file", Map.of("If-Match", created.header("ETag")), "");

    assertThat(created.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("PathAlreadyExists");
    assertThat(JSON.readTree(again.body()).at("/error/code").asText()).isEqualTo("PathAlreadyExists");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.errorCode()).isEqualTo("ConditionNotMet");
    assertThat(current.status()).isEqualTo(201);
    assertThat(current.header("ETag")).isNotEqualTo(created.header("ETag"));
  }

  @Test
  void leaseIsEnforcedOnWritesUntilBroken() throws Exception {
    call("PUT", "lease/file", "resource=file", Map.of(), "");
    String leaseId = "11111111-2222-3333-4444-555555555555";

    Response acquired = lease("acquire", Map.of("x-ms-lease-duration", "-1", "x-ms-proposed-lease-id", leaseId));
    Response second = lease("acquire", Map.of("x-ms-lease-duration", "15"));
    Response withoutId = call("PATCH", "lease/file", "action=append&position=0", Map.of(), "x");
    Response wrongId =
        call("PATCH", "lease/file", "action=append&position=0",
            Map.of("x-ms-lease-id", "99999999-2222-3333-4444-555555555555"), "x");
    Response withId = call("PATCH", "lease/file", "action=append&position=0", Map.of("x-ms-lease-id", leaseId), "x");
    Response renewed = lease("renew", Map.of("x-ms-lease-id", leaseId));
    Response broken = lease("break", Map.of("x-ms-lease-break-period", "0"));
    Response renewAfterBreak = lease("renew", Map.of("x-ms-lease-id", leaseId));
    Response afterBreak = call("PATCH", "lease/file", "action=flush&position=1", Map.of(), "");

    assertThat(acquired.status()).isEqualTo(201);
    assertThat(acquired.header("x-ms-lease-id")).isEqualTo(leaseId);
    assertThat(second.errorCode()).isEqualTo("LeaseAlreadyPresent");
    assertThat(withoutId.status()).isEqualTo(412);
    assertThat(withoutId.errorCode()).isEqualTo("LeaseIdMissing");
    assertThat(wrongId.errorCode()).isEqualTo("LeaseIdMismatchWithBlobOperation");
    assertThat(withId.status()).isEqualTo(202);
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(broken.status()).isEqualTo(202);
    assertThat(broken.header("x-ms-lease-time")).isEqualTo("0");
    assertThat(renewAfterBreak.errorCode()).isEqualTo("LeaseIsBrokenAndCannotBeRenewed");
    assertThat(afterBreak.status()).isEqualTo(200);
  }

  @Test
  void releasedLeaseNoLongerBlocksWriters() throws Exception {
    call("PUT", "release/file", "resource=file", Map.of(), "");
    Response acquired = lease("release/file", "acquire", Map.of("x-ms-lease-duration", "30"));
    String leaseId = acquired.header("x-ms-lease-id");

    Response wrongRelease =
        lease("release/file", "release", Map.of("x-ms-lease-id", "99999999-2222-3333-4444-555555555555"));
    Response released = lease("release/file", "release", Map.of("x-ms-lease-id", leaseId));
    Response deleted = call("DELETE", "release/file", "", Map.of(), "");

    assertThat(wrongRelease.errorCode()).isEqualTo("LeaseIdMismatchWithLeaseOperation");
    assertThat(released.status()).isEqualTo(200);
    assertThat(deleted.status()).isEqualTo(200);
  }

  @Test
  void renameReportsTheServiceErrorCodes() throws Exception {
    call("PUT", "moves/a", "resource=file", Map.of(), "");
    call("PUT", "moves/b", "resource=file", Map.of(), "");

    Response missingSource = rename("moves/none", "moves/x", Map.of());
    Response missingParent = rename("moves/a", "nowhere/x", Map.of());
    Response existingDestination = rename("moves/a", "moves/b", Map.of("If-None-Match", "*"));
    Response intoItself = rename("moves", "moves/inner", Map.of());
    Response moved = rename("moves/a", "moves/c", Map.of());

    assertThat(missingSource.status()).isEqualTo(404);
    assertThat(missingSource.errorCode()).isEqualTo("SourcePathNotFound");
    assertThat(missingParent.status()).isEqualTo(404);
    assertThat(missingParent.errorCode()).isEqualTo("RenameDestinationParentPathNotFound");
    assertThat(existingDestination.status()).isEqualTo(409);
    assertThat(existingDestination.errorCode()).isEqualTo("PathAlreadyExists");
    assertThat(intoItself.status()).isEqualTo(409);
    assertThat(moved.status()).isEqualTo(201);
    assertThat(server.paths(FILESYSTEM)).contains("moves/c").doesNotContain("moves/a");
  }

  @Test
  void deleteOfNonEmptyDirectoryNeedsRecursive() throws Exception {
    call("PUT", "tree/child", "resource=file", Map.of(), "");

    Response nonRecursive = call("DELETE", "tree", "recursive=false", Map.of(), "");
    Response deleted = call("DELETE", "tree", "recursive=true", Map.of(), "");
    Response missing = call("HEAD", "tree", "action=getStatus", Map.of(), "");

    assertThat(nonRecursive.status()).isEqualTo(409);
    assertThat(nonRecursive.errorCode()).isEqualTo("DirectoryNotEmpty");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("PathNotFound");
    assertThat(missing.body()).isEmpty();
  }

  @Test
  void listingPagesWithContinuation() throws Exception {
    for (String name : List.of("pages/a", "pages/b", "pages/c/d", "pages/e", "pages/f")) {
      call("PUT", name, "resource=file", Map.of(), "");
    }

    List<String> names = new ArrayList<>();
    int pages = 0;
    String continuation = null;
    do {
      String query = "resource=filesystem&directory=pages&recursive=true&maxResults=2"
          + (continuation == null ? "" : "&continuation=" + java.net.URLEncoder.encode(continuation, StandardCharsets.UTF_8));
      Response page = call("GET", "", query, Map.of(), "");
      JsonNode paths = JSON.readTree(page.body()).get("paths");
      paths.forEach(path -> names.add(path.get("name").asText()));
      continuation = page.header("x-ms-continuation");
      pages++;
    } while (continuation != null);

    assertThat(names).containsExactly("pages/a", "pages/b", "pages/c", "pages/c/d", "pages/e", "pages/f");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void directoryEntriesCarryIsDirectoryAndStringNumbers() throws Exception {
    call("PUT", "typed/dir", "resource=directory", Map.of(), "");
    call("PUT", "typed/file", "resource=file", Map.of(), "");

    JsonNode paths = JSON.readTree(call("GET", "", "resource=filesystem&directory=typed&recursive=false", Map.of(), "").body())
        .get("paths");

    assertThat(paths.get(0).get("isDirectory").asText()).isEqualTo("true");
    assertThat(paths.get(1).has("isDirectory")).isFalse();
    assertThat(paths.get(1).get("contentLength").isTextual()).isTrue();
    assertThat(paths.get(1).get("lastModified").asText()).endsWith(" GMT");
  }

  @Test
  void readPastTheEndAnswers416() throws Exception {
    server.putFile(FILESYSTEM, "short/file", "0123456789".getBytes(StandardCharsets.UTF_8));

    Response middle = call("GET", "short/file", "", Map.of("Range", "bytes=2-4"), "");
    Response past = call("GET", "short/file", "", Map.of("Range", "bytes=10-20"), "");

    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo("234");
    assertThat(middle.header("Content-Range")).isEqualTo("bytes 2-4/10");
    assertThat(past.status()).isEqualTo(416);
    assertThat(past.errorCode()).isEqualTo("InvalidRange");
  }

  @Test
  void readWithStaleEtagIsRejected() throws Exception {
    server.putFile(FILESYSTEM, "etag/file", "first".getBytes(StandardCharsets.UTF_8));
    String firstEtag = call("HEAD", "etag/file", "action=getStatus", Map.of(), "").header("ETag");
    server.putFile(FILESYSTEM, "etag/file", "second".getBytes(StandardCharsets.UTF_8));

    Response stale = call("GET", "etag/file", "", Map.of("If-Match", firstEtag), "");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.errorCode()).isEqualTo("ConditionNotMet");
  }

  @Test
  void unsignedRequestIsRejected() throws Exception {
    HttpURLConnection connection = open("HEAD", "", "action=getAccessControl");

    assertThat(connection.getResponseCode()).isEqualTo(401);
    assertThat(connection.getHeaderField("x-ms-error-code")).isEqualTo("NoAuthenticationInformation");
  }

  private static Response lease(String action, Map<String, String> headers) throws Exception {
    return lease("lease/file", action, headers);
  }

  private static Response lease(String path, String action, Map<String, String> headers) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("x-ms-lease-action", action);
    return call("POST", path, "", all, "");
  }

  private static Response rename(String source, String destination, Map<String, String> headers) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("x-ms-rename-source", "/" + FILESYSTEM + "/" + source);
    return call("PUT", destination, "", all, "");
  }

  /** Sends one request signed with the account key. PATCH goes as PUT with a method override. */
  private static Response call(String method, String path, String query, Map<String, String> headers, String body)
      throws Exception {
    HttpURLConnection connection = open(method.equals("PATCH") ? "PUT" : method, path, query);
    if (method.equals("PATCH")) {
      connection.setRequestProperty("X-HTTP-Method-Override", "PATCH");
    }
    headers.forEach(connection::setRequestProperty);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean sendsBody = method.equals("PUT") || method.equals("PATCH") || method.equals("POST");
    new SharedKeyCredentials(AbfsTestServer.ACCOUNT, AbfsTestServer.ACCOUNT_KEY)
        .signRequest(connection, sendsBody ? bytes.length : 0);
    if (sendsBody) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(bytes.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(bytes);
      }
    }
    int status = connection.getResponseCode();
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    connection.getHeaderFields().forEach((name, values) -> {
      if (name != null) {
        responseHeaders.put(name.toLowerCase(), values.get(0));
      }
    });
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    return new Response(status, responseHeaders, text);
  }

  private static HttpURLConnection open(String method, String path, String query) throws IOException {
    String encodedPath = path.isEmpty() ? "" : "/" + path.replace(" ", "%20");
    URL url = new URL("http://127.0.0.1:" + server.port() + "/" + AbfsTestServer.ACCOUNT + "/" + FILESYSTEM
        + encodedPath + (query.isEmpty() ? "" : "?" + query));
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod(method);
    connection.setRequestProperty("x-ms-version", "2019-12-12");
    // The driver sends an empty Content-Type too. Otherwise HttpURLConnection adds a form content
    // type to a POST after it was signed.
    connection.setRequestProperty("Content-Type", "");
    return connection;
  }
}
