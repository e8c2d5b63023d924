package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lepton.migrate.testing.http.FileRanges;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metadata reads, media downloads with ranges, and listings. */
final class GcsReads {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final GcsObjectStore store;
  private final String rootUrl;

  GcsReads(GcsObjectStore store, String rootUrl) {
    this.store = store;
    this.rootUrl = rootUrl;
  }

  void getObject(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    GcsObject object =
        store.get(route.bucket(), route.object(), request.longParam("generation"), Preconditions.of(request));
    sendJson(response, 200, GcsJson.object(object, rootUrl), request);
  }

  void list(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    Long maxResults = request.longParam("maxResults");
    ObjectListing.Query query =
        new ObjectListing.Query(
            request.param("prefix"),
            request.param("delimiter"),
            request.booleanParam("includeTrailingDelimiter"),
            maxResults == null ? ObjectListing.MAX_PAGE_SIZE : (int) Math.min(maxResults, Integer.MAX_VALUE),
            request.param("pageToken"),
            request.param("startOffset"),
            request.param("endOffset"));
    ObjectListing.Page page = ObjectListing.list(store.objects(route.bucket()), query);
    sendJson(response, 200, GcsJson.page(page, rootUrl), request);
  }

  /**
   * Streams an object's body. A {@code Range} header gets 206 with {@code Content-Range}, or 416
   * when it starts at or past the end, an empty object included, as the service does.
   */
  void download(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    GcsObjectStore.OpenedObject opened =
        store.open(route.bucket(), route.object(), request.longParam("generation"), Preconditions.of(request));
    try (FileChannel channel = opened.channel()) {
      GcsObject object = opened.object();
      setMediaHeaders(response, object);
      long size = object.size();
      long[] range = parseRange(request.header("Range"), size);
      if (range == null) {
        FileRanges.copyAndClose(channel, 0, size, response.sendStream(200, size));
        return;
      }
      if (range.length == 0) {
        response.setHeader("Content-Range", "bytes */" + size);
        throw new GcsApiException(
            416, "requestedRangeNotSatisfiable",
            "The requested range " + request.header("Range") + " is past the end of a " + size + "-byte object");
      }
      long length = range[1] - range[0] + 1;
      response.setHeader("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
      FileRanges.copyAndClose(channel, range[0], length, response.sendStream(206, length));
    }
  }

  /**
   * Returns {first, last} of a satisfiable single range, an empty array for an unsatisfiable one,
   * or null when the whole object is to be sent (no header, or one the service would ignore).
   */
  static long[] parseRange(String header, long size) {
    if (header == null) {
      return null;
    }
    Matcher matcher = RANGE.matcher(header.trim());
    if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      return null;
    }
    if (matcher.group(1).isEmpty()) {
      long suffix = Long.parseLong(matcher.group(2));
      if (suffix == 0 || size == 0) {
        return new long[0];
      }
      return new long[] {Math.max(0, size - suffix), size - 1};
    }
    long first = Long.parseLong(matcher.group(1));
    long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
    if (first >= size) {
      return new long[0];
    }
    if (last < first) {
      return null;
    }
    return new long[] {first, last};
  }

  private void setMediaHeaders(GcsResponse response, GcsObject object) {
    BlobDigest digest = object.digest();
    response.setHeader("Content-Type", object.attributes().contentType());
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("ETag", "\"" + object.generation() + "/" + object.metageneration() + "\"");
    response.setHeader("Last-Modified", HTTP_DATE.format(object.updated()));
    response.setHeader("X-Goog-Generation", Long.toString(object.generation()));
    response.setHeader("X-Goog-Metageneration", Long.toString(object.metageneration()));
    response.setHeader("X-Goog-Stored-Content-Length", Long.toString(object.size()));
    response.setHeader("X-Goog-Stored-Content-Encoding", "identity");
    String md5 = digest.md5Base64();
    response.setHeader(
        "X-Goog-Hash", "crc32c=" + digest.crc32cBase64() + (md5 == null ? "" : ",md5=" + md5));
  }

  static void sendJson(GcsResponse response, int status, JsonNode body, GcsRequest request)
      throws IOException {
    FieldSelector fields = FieldSelector.parse(request.param("fields"));
    JsonNode selected = fields == null ? body : fields.apply(body);
    response.send(status, GcsJson.CONTENT_TYPE, GcsJson.MAPPER.writeValueAsBytes(selected));
  }
}
