package dev.lepton.migrate.testing.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lepton.migrate.testing.http.TestBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks JSON API details with plain HTTP requests: preconditions, resumable upload offsets,
 * ranges, listing, compose, batches and error bodies, including cases the connector rarely sends.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GcsProtocolTest {
  private static final String BUCKET = "protocol";
  private static final long MEBIBYTE = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path serverRoot;

  private static GcsTestServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = GcsTestServer.start(serverRoot).createBucket(BUCKET);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void ifGenerationMatchZeroRejectsExistingObject() throws Exception {
    HttpResponse<String> first = multipartUpload("precondition/zero", "one", "ifGenerationMatch=0", false);
    HttpResponse<String> second = multipartUpload("precondition/zero", "two", "ifGenerationMatch=0", false);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(second.body()).at("/error/errors/0/reason").asText()).isEqualTo("conditionNotMet");
    assertThat(download("precondition/zero", null).body()).isEqualTo("one");
  }

  @Test
  void generationPreconditionsCompareLiveGeneration() throws Exception {
    JsonNode created = JSON.readTree(multipartUpload("precondition/generation", "one", "", false).body());
    long generation = created.get("generation").asLong();

    HttpResponse<String> stale =
        multipartUpload("precondition/generation", "two", "ifGenerationMatch=" + (generation - 1), false);
    HttpResponse<String> current =
        multipartUpload("precondition/generation", "three", "ifGenerationMatch=" + generation, false);

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(current.body()).get("generation").asLong()).isGreaterThan(generation);
    assertThat(JSON.readTree(current.body()).get("metageneration").asText()).isEqualTo("1");
  }

  @Test
  void patchRaisesMetagenerationAndHonoursIfMetagenerationMatch() throws Exception {
    multipartUpload("precondition/meta", "x", "", false);
    String patch = "{\"metadata\":{\"color\":\"blue\"}}";

    HttpResponse<String> patched = send("PATCH", objectUrl("precondition/meta") + "?ifMetagenerationMatch=1", patch);
    HttpResponse<String> stale = send("PATCH", objectUrl("precondition/meta") + "?ifMetagenerationMatch=1", patch);

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(patched.body()).get("metageneration").asText()).isEqualTo("2");
    assertThat(JSON.readTree(patched.body()).at("/metadata/color").asText()).isEqualTo("blue");
    assertThat(stale.statusCode()).isEqualTo(412);
  }

  @Test
  void resumableUploadPersistsWholeQuarterMebibytesOnly() throws Exception {
    byte[] content = TestBytes.generate(700 * 1024, 8);
    URI session = startResumable("resumable%2Fobject");

    HttpResponse<String> partial = putChunk(session, content, 0, 300 * 1024, "*");
    HttpResponse<String> status = putChunk(session, content, 0, 0, "*");
    HttpResponse<String> last = putChunk(session, content, 256 * 1024, content.length, Integer.toString(content.length));

    assertThat(partial.statusCode()).isEqualTo(308);
    assertThat(partial.headers().firstValue("Range")).hasValue("bytes=0-262143");
    assertThat(status.statusCode()).isEqualTo(308);
    assertThat(status.headers().firstValue("Range")).hasValue("bytes=0-262143");
    assertThat(last.statusCode()).isEqualTo(200);
    JsonNode object = JSON.readTree(last.body());
    assertThat(object.get("size").asText()).isEqualTo(Integer.toString(content.length));
    assertThat(object.get("crc32c").asText()).isEqualTo(crc32c(content));
    assertThat(object.get("md5Hash").asText()).isEqualTo(md5(content));
  }

  @Test
  void resumableUploadAcceptsOverlappingResend() throws Exception {
    byte[] content = TestBytes.generate(600 * 1024, 12);
    URI session = startResumable("resumable%2Foverlap");

    HttpResponse<String> partial = putChunk(session, content, 0, 300 * 1024, "*");
    HttpResponse<String> resent = putChunk(session, content, 0, content.length, Integer.toString(content.length));

    assertThat(partial.headers().firstValue("Range")).hasValue("bytes=0-262143");
    assertThat(resent.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(resent.body()).get("md5Hash").asText()).isEqualTo(md5(content));
  }

  @Test
  void rangedDownloadsAnswer206Or416() throws Exception {
    multipartUpload("ranges/ten", "0123456789", "", false);
    multipartUpload("ranges/empty", "", "", false);

    HttpResponse<String> middle = download("ranges/ten", "bytes=2-4");
    HttpResponse<String> open = download("ranges/ten", "bytes=7-");
    HttpResponse<String> suffix = download("ranges/ten", "bytes=-3");
    HttpResponse<String> past = download("ranges/ten", "bytes=10-");
    HttpResponse<String> empty = download("ranges/empty", "bytes=0-");
    HttpResponse<String> whole = download("ranges/ten", null);

    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo("234");
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 2-4/10");
    assertThat(open.body()).isEqualTo("789");
    assertThat(suffix.body()).isEqualTo("789");
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(empty.statusCode()).isEqualTo(416);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo("0123456789");
  }

  @Test
  void listingRollsUpPrefixesAndPagesWithoutRepeats() throws Exception {
    for (String name : List.of("list/a/", "list/a/b", "list/a/c/d", "list/a/e", "list/f")) {
      server.putObject(BUCKET, name, new byte[0]);
    }

    JsonNode page = getJson(listUrl("prefix=list%2Fa%2F&delimiter=%2F&includeTrailingDelimiter=true"));
    JsonNode noTrailing = getJson(listUrl("prefix=list%2F&delimiter=%2F"));
    JsonNode withTrailing = getJson(listUrl("prefix=list%2F&delimiter=%2F&includeTrailingDelimiter=true"));

    assertThat(names(page.get("items"))).containsExactly("list/a/", "list/a/b", "list/a/e");
    assertThat(texts(page.get("prefixes"))).containsExactly("list/a/c/");
    assertThat(names(noTrailing.get("items"))).containsExactly("list/f");
    assertThat(texts(noTrailing.get("prefixes"))).containsExactly("list/a/");
    assertThat(names(withTrailing.get("items"))).containsExactly("list/a/", "list/f");

    List<String> entries = new ArrayList<>();
    String token = null;
    do {
      JsonNode onePage =
          getJson(listUrl("prefix=list%2F&delimiter=%2F&maxResults=1" + (token == null ? "" : "&pageToken=" + token)));
      entries.addAll(names(onePage.path("items")));
      entries.addAll(texts(onePage.path("prefixes")));
      token = onePage.hasNonNull("nextPageToken") ? onePage.get("nextPageToken").asText() : null;
    } while (token != null);
    assertThat(entries).containsExactly("list/a/", "list/f");
  }

  @Test
  void composeCountsComponentsAndDropsMd5() throws Exception {
    multipartUpload("compose/a", "hello ", "", false);
    multipartUpload("compose/b", "world", "", false);
    String body =
        "{\"sourceObjects\":[{\"name\":\"compose/a\"},{\"name\":\"compose/b\"}],"
            + "\"destination\":{\"contentType\":\"text/plain\"}}";

    JsonNode composed = JSON.readTree(send("POST", objectUrl("compose/ab") + "/compose", body).body());
    String again = "{\"sourceObjects\":[{\"name\":\"compose/ab\"},{\"name\":\"compose/a\"}]}";
    JsonNode twice = JSON.readTree(send("POST", objectUrl("compose/aba") + "/compose", again).body());

    byte[] expected = "hello world".getBytes(StandardCharsets.UTF_8);
    assertThat(composed.get("size").asText()).isEqualTo("11");
    assertThat(composed.get("componentCount").asInt()).isEqualTo(2);
    assertThat(composed.has("md5Hash")).isFalse();
    assertThat(composed.get("crc32c").asText()).isEqualTo(crc32c(expected));
    assertThat(twice.get("componentCount").asInt()).isEqualTo(3);
    assertThat(download("compose/aba", null).body()).isEqualTo("hello worldhello ");
  }

  @Test
  void rewriteCopiesBytesAndChecksDestinationPrecondition() throws Exception {
    multipartUpload("rewrite/source", "payload", "", false);
    multipartUpload("rewrite/taken", "old", "", false);

    HttpResponse<String> copied =
        send("POST", objectUrl("rewrite/source") + "/rewriteTo/b/" + BUCKET + "/o/rewrite%2Fcopy", "");
    HttpResponse<String> refused =
        send("POST", objectUrl("rewrite/source") + "/rewriteTo/b/" + BUCKET + "/o/rewrite%2Ftaken?ifGenerationMatch=0", "");

    assertThat(copied.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(copied.body()).get("done").asBoolean()).isTrue();
    assertThat(JSON.readTree(copied.body()).at("/resource/name").asText()).isEqualTo("rewrite/copy");
    assertThat(download("rewrite/copy", null).body()).isEqualTo("payload");
    assertThat(refused.statusCode()).isEqualTo(412);
    assertThat(download("rewrite/taken", null).body()).isEqualTo("old");
  }

  @Test
  void rewriteFollowsTokensUntilDone() throws Exception {
    // 2,796,204 bytes of Base64 text: three calls of at most 1 MiB.
    String content = Base64.getEncoder().encodeToString(TestBytes.generate(2 << 20, 21));
    multipartUpload("rewrite/large", content, "", false);
    String rewrite = objectUrl("rewrite/large") + "/rewriteTo/b/" + BUCKET + "/o/rewrite%2Flarge-copy"
        + "?maxBytesRewrittenPerCall=" + MEBIBYTE;

    JsonNode first = JSON.readTree(send("POST", rewrite, "").body());
    int destinationBeforeDone = download("rewrite/large-copy", null).statusCode();
    JsonNode second = JSON.readTree(send("POST", rewrite + "&rewriteToken=" + first.get("rewriteToken").asText(), "")
        .body());
    HttpResponse<String> replayed = send("POST", rewrite + "&rewriteToken=" + first.get("rewriteToken").asText(), "");
    HttpResponse<String> last = send("POST", rewrite + "&rewriteToken=" + second.get("rewriteToken").asText(), "");

    assertThat(first.get("done").asBoolean()).isFalse();
    assertThat(first.get("totalBytesRewritten").asText()).isEqualTo(Long.toString(MEBIBYTE));
    assertThat(first.get("objectSize").asText()).isEqualTo(Integer.toString(content.length()));
    assertThat(first.has("resource")).isFalse();
    assertThat(destinationBeforeDone).as("destination before the last call").isEqualTo(404);
    assertThat(second.get("done").asBoolean()).isFalse();
    assertThat(second.get("totalBytesRewritten").asText()).isEqualTo(Long.toString(2 * MEBIBYTE));
    assertThat(second.get("rewriteToken").asText()).isNotEqualTo(first.get("rewriteToken").asText());
    assertThat(replayed.statusCode()).as("a token already used").isEqualTo(400);
    assertThat(last.statusCode()).isEqualTo(200);
    JsonNode done = JSON.readTree(last.body());
    assertThat(done.get("done").asBoolean()).isTrue();
    assertThat(done.has("rewriteToken")).isFalse();
    assertThat(done.get("totalBytesRewritten").asText()).isEqualTo(Integer.toString(content.length()));
    assertThat(done.at("/resource/name").asText()).isEqualTo("rewrite/large-copy");
    assertThat(done.at("/resource/crc32c").asText()).isEqualTo(crc32c(content.getBytes(StandardCharsets.UTF_8)));
    assertThat(download("rewrite/large-copy", null).body()).isEqualTo(content);
  }

  @Test
  void rewriteRejectsBadTokensAndSizes() throws Exception {
    multipartUpload("rewrite/checked", "x".repeat(3 << 20), "", false);
    String rewrite = objectUrl("rewrite/checked") + "/rewriteTo/b/" + BUCKET + "/o/rewrite%2Fchecked-copy";

    HttpResponse<String> notMultiple = send("POST", rewrite + "?maxBytesRewrittenPerCall=1000000", "");
    HttpResponse<String> unknown = send("POST", rewrite + "?rewriteToken=never-issued", "");
    String token = JSON.readTree(send("POST", rewrite + "?maxBytesRewrittenPerCall=" + MEBIBYTE, "").body())
        .get("rewriteToken").asText();
    HttpResponse<String> otherDestination = send("POST", objectUrl("rewrite/checked") + "/rewriteTo/b/" + BUCKET
        + "/o/rewrite%2Felsewhere?maxBytesRewrittenPerCall=" + MEBIBYTE + "&rewriteToken=" + token, "");

    assertThat(notMultiple.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notMultiple.body()).at("/error/message").asText()).contains("multiple of 1 MiB");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).at("/error/message").asText()).contains("never-issued");
    assertThat(otherDestination.statusCode()).isEqualTo(400);
    assertThat(download("rewrite/elsewhere", null).statusCode()).isEqualTo(404);
  }

  @Test
  void rewriteFailsWhenSourceChangesBetweenCalls() throws Exception {
    multipartUpload("rewrite/changing", "a".repeat(2 << 20), "", false);
    String rewrite = objectUrl("rewrite/changing") + "/rewriteTo/b/" + BUCKET + "/o/rewrite%2Fchanging-copy"
        + "?maxBytesRewrittenPerCall=" + MEBIBYTE;
    String token = JSON.readTree(send("POST", rewrite, "").body()).get("rewriteToken").asText();
    multipartUpload("rewrite/changing", "b".repeat(2 << 20), "", false);

    HttpResponse<String> next = send("POST", rewrite + "&rewriteToken=" + token, "");

    assertThat(next.statusCode()).isEqualTo(404);
    assertThat(download("rewrite/changing-copy", null).statusCode()).isEqualTo(404);
  }

  @Test
  void gzipEncodedMultipartUploadIsDecoded() throws Exception {
    HttpResponse<String> uploaded = multipartUpload("gzip/object", "compressed body", "", true);

    assertThat(uploaded.statusCode()).isEqualTo(200);
    assertThat(download("gzip/object", null).body()).isEqualTo("compressed body");
  }

  @Test
  void batchAnswersEachCallInOrder() throws Exception {
    multipartUpload("batch/present", "x", "", false);
    String boundary = "batch_boundary";
    String body =
        part(boundary, 1, "DELETE " + objectUrl("batch/present"))
            + part(boundary, 2, "DELETE " + objectUrl("batch/absent"))
            + "--" + boundary + "--\r\n";

    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.rootUrl() + "batch/storage/v1"))
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body))
                .build(),
            BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/mixed; boundary=");
    int first = answer.body().indexOf("HTTP/1.1 204");
    int second = answer.body().indexOf("HTTP/1.1 404");
    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(first);
    assertThat(server.objectNames(BUCKET)).doesNotContain("batch/present");
  }

  @Test
  void encodedNamesAreDecodedOnce() throws Exception {
    server.putObject(BUCKET, "names/a b+c%d", "x".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> found = HTTP.send(
        HttpRequest.newBuilder(URI.create(server.rootUrl() + "storage/v1/b/" + BUCKET + "/o/names%2Fa%20b%2Bc%25d")).build(),
        BodyHandlers.ofString());
    HttpResponse<String> plusAsPlus = HTTP.send(
        HttpRequest.newBuilder(URI.create(server.rootUrl() + "storage/v1/b/" + BUCKET + "/o/names%2Fa%20b+c%25d")).build(),
        BodyHandlers.ofString());

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(found.body()).get("name").asText()).isEqualTo("names/a b+c%d");
    assertThat(plusAsPlus.statusCode()).isEqualTo(200);
  }

  @Test
  void missingObjectAnswersJsonError() throws Exception {
    HttpResponse<String> missing =
        HTTP.send(HttpRequest.newBuilder(URI.create(objectUrl("no/such"))).build(), BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode error = JSON.readTree(missing.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(404);
    assertThat(error.at("/errors/0/reason").asText()).isEqualTo("notFound");
    assertThat(error.get("message").asText()).contains("no/such");
  }

  @Test
  void fieldsParameterSelectsPartOfTheAnswer() throws Exception {
    multipartUpload("fields/object", "abc", "", false);

    JsonNode object = getJson(objectUrl("fields/object") + "?fields=name,size");
    JsonNode page = getJson(listUrl("prefix=fields%2F&fields=items(name)"));

    assertThat(object.size()).isEqualTo(2);
    assertThat(object.get("size").asText()).isEqualTo("3");
    assertThat(page.get("items").get(0).size()).isEqualTo(1);
    assertThat(page.has("kind")).isFalse();
  }

  @Test
  void injectedFaultAnswersOnceWithJsonError() throws Exception {
    server.faults().failNext(GcsCall.GET_BUCKET, 1, 503);
    String bucketUrl = server.rootUrl() + "storage/v1/b/" + BUCKET;

    HttpResponse<String> failed = HTTP.send(HttpRequest.newBuilder(URI.create(bucketUrl)).build(), BodyHandlers.ofString());
    HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(bucketUrl)).build(), BodyHandlers.ofString());

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(failed.body()).at("/error/errors/0/reason").asText()).isEqualTo("backendError");
    assertThat(served.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> multipartUpload(String name, String content, String query, boolean gzip)
      throws Exception {
    String boundary = "__END_OF_PART__test";
    String body =
        "--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
            + JSON.writeValueAsString(JSON.createObjectNode().put("name", name)) + "\r\n"
            + "--" + boundary + "\r\nContent-Type: application/octet-stream\r\n\r\n"
            + content + "\r\n--" + boundary + "--\r\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.rootUrl() + "upload/storage/v1/b/" + BUCKET
                + "/o?uploadType=multipart" + (query.isEmpty() ? "" : "&" + query)))
            .header("Content-Type", "multipart/related; boundary=" + boundary);
    if (gzip) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
        out.write(bytes);
      }
      bytes = compressed.toByteArray();
      request.header("Content-Encoding", "gzip");
    }
    return HTTP.send(request.POST(BodyPublishers.ofByteArray(bytes)).build(), BodyHandlers.ofString());
  }

  private static URI startResumable(String encodedName) throws Exception {
    HttpResponse<String> started =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.rootUrl() + "upload/storage/v1/b/" + BUCKET
                    + "/o?uploadType=resumable&ifGenerationMatch=0&name=" + encodedName))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build(),
            BodyHandlers.ofString());
    assertThat(started.statusCode()).as("start of a resumable upload").isEqualTo(200);
    return URI.create(started.headers().firstValue("Location").orElseThrow());
  }

  private static HttpResponse<String> putChunk(URI session, byte[] content, int from, int to, String total)
      throws Exception {
    String range = to > from ? "bytes " + from + "-" + (to - 1) + "/" + total : "bytes */" + total;
    return HTTP.send(
        HttpRequest.newBuilder(session)
            .header("Content-Range", range)
            .PUT(BodyPublishers.ofByteArray(content, from, to - from))
            .build(),
        BodyHandlers.ofString());
  }

  private static HttpResponse<String> download(String name, String range) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.rootUrl() + "download/storage/v1/b/" + BUCKET + "/o/"
            + UrlCodec.encode(name) + "?alt=media"));
    if (range != null) {
      request.header("Range", range);
    }
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String url, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, BodyPublishers.ofString(json))
            .build(),
        BodyHandlers.ofString());
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String objectUrl(String name) {
    return server.rootUrl() + "storage/v1/b/" + BUCKET + "/o/" + UrlCodec.encode(name);
  }

  private static String listUrl(String query) {
    return server.rootUrl() + "storage/v1/b/" + BUCKET + "/o?" + query;
  }

  private static String part(String boundary, int id, String requestLine) {
    return "--" + boundary + "\r\nContent-Type: application/http\r\nContent-ID: <" + id + ">\r\n"
        + "content-transfer-encoding: binary\r\n\r\n" + requestLine + "\r\n\r\n\r\n";
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static String crc32c(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static String md5(byte[] content) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
  }
}
