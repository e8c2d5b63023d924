package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resumable upload sessions. The first request opens a session and gets its URL in {@code
 * Location}. Each {@code PUT} to that URL carries a chunk with {@code Content-Range}. Until the
 * last chunk the response is 308 with {@code Range: bytes=0-N}, the bytes persisted so far. As in
 * the service, a chunk other than the last is persisted only up to a multiple of 256 KiB, so the
 * client must send the rest again.
 */
final class ResumableUploads {
  /** The service persists non-final chunks in multiples of this size. */
  static final long CHUNK_GRANULARITY = 256 * 1024;

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
  private static final int BUFFER_BYTES = 256 * 1024;

  private final GcsObjectStore store;
  private final String rootUrl;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** One upload; its methods are synchronized so that chunks of one session never interleave. */
  private static final class Session {
    final String bucket;
    final String name;
    final ObjectAttributes attributes;
    final JsonNode resource;
    final Preconditions preconditions;
    final Path file;
    long persisted;
    GcsObject result;

    Session(String bucket, String name, ObjectAttributes attributes, JsonNode resource, Preconditions pre, Path file) {
      this.bucket = bucket;
      this.name = name;
      this.attributes = attributes;
      this.resource = resource;
      this.preconditions = pre;
      this.file = file;
    }
  }

  ResumableUploads(GcsObjectStore store, String rootUrl) {
    this.store = store;
    this.rootUrl = rootUrl;
  }

  /** Opens a session after checking the bucket and the preconditions against the live object. */
  void start(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    JsonNode resource = GcsJson.read(request.body());
    String name = GcsUploads.objectName(request, resource);
    Preconditions preconditions = Preconditions.of(request);
    preconditions.check(store.objects(route.bucket()).get(name));
    ObjectAttributes attributes =
        ObjectAttributes.fromResource(resource, request.header("X-Upload-Content-Type"));
    String uploadId = UUID.randomUUID().toString().replace("-", "");
    Path file = store.newBlobPath();
    FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
    sessions.put(uploadId, new Session(route.bucket(), name, attributes, resource, preconditions, file));
    response.setHeader(
        "Location",
        rootUrl + "upload/storage/v1/b/" + UrlCodec.encode(route.bucket()) + "/o?uploadType=resumable&name="
            + UrlCodec.encode(name) + "&upload_id=" + uploadId);
    response.setHeader("X-GUploader-UploadID", uploadId);
    response.sendEmpty(200);
  }

  /**
   * Stores one chunk, or responds to a status query ({@code Content-Range: bytes *}{@code /*}). A
   * chunk that starts before the persisted offset is accepted from that offset on. A chunk that
   * starts after it would leave a gap, so it is rejected.
   */
  void chunk(GcsRequest request, GcsResponse response) throws IOException {
    Session session = session(request);
    synchronized (session) {
      if (session.result != null) {
        request.drainBody();
        GcsReads.sendJson(response, 200, GcsJson.object(session.result, rootUrl), request);
        return;
      }
      long total;
      String header = request.header("Content-Range");
      if (header == null) {
        // Without Content-Range the body is everything that is left of the object.
        session.persisted = append(session, session.persisted, request.body());
        total = session.persisted;
      } else {
        ContentRange range = ContentRange.parse(header);
        if (range.first() >= 0) {
          receive(session, range, request.body());
        } else {
          request.drainBody();
        }
        total = range.total();
      }
      if (total >= 0 && session.persisted == total) {
        finish(request, session, total, response);
        return;
      }
      if (session.persisted > 0) {
        response.setHeader("Range", "bytes=0-" + (session.persisted - 1));
      }
      response.sendEmpty(308);
    }
  }

  /** Cancels a session. As in the service, the cancelling request gets status 499. */
  void cancel(GcsRequest request, GcsResponse response) throws IOException {
    Session session = session(request);
    sessions.remove(request.param("upload_id"));
    synchronized (session) {
      GcsObjectStore.deleteQuietly(session.file);
    }
    response.sendEmpty(499);
  }

  private Session session(GcsRequest request) {
    String uploadId = request.param("upload_id");
    Session session = uploadId == null ? null : sessions.get(uploadId);
    if (session == null) {
      throw new GcsApiException(404, "notFound", "No such upload session: " + uploadId);
    }
    return session;
  }

  private void receive(Session session, ContentRange range, InputStream body) throws IOException {
    if (range.first() > session.persisted) {
      throw GcsApiException.invalid(
          "The chunk starts at byte " + range.first() + " but only " + session.persisted + " bytes are persisted");
    }
    long declared = range.last() - range.first() + 1;
    if (range.total() >= 0 && range.last() >= range.total()) {
      throw GcsApiException.invalid("The chunk ends past the declared object size " + range.total());
    }
    long skip = Math.min(session.persisted - range.first(), declared);
    discard(body, skip);
    long end = append(session, session.persisted, body);
    long received = skip + end - session.persisted;
    if (received != declared) {
      throw GcsApiException.invalid(
          "The chunk declares " + declared + " bytes in Content-Range but carries " + received);
    }
    boolean last = range.total() >= 0 && range.last() + 1 == range.total();
    session.persisted = last ? end : Math.max(session.persisted, end - end % CHUNK_GRANULARITY);
  }

  /**
   * Reads and drops {@code count} bytes. The JDK server's request stream must not be skipped with
   * {@code skip}, which bypasses its Content-Length accounting and then blocks at the end.
   */
  private static void discard(InputStream body, long count) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long remaining = count;
    while (remaining > 0) {
      int read = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        throw GcsApiException.invalid("The chunk ends before its declared Content-Range");
      }
      remaining -= read;
    }
  }

  /** Writes the body into the session's file from {@code position}; returns the end offset. */
  private static long append(Session session, long position, InputStream body) throws IOException {
    long offset = position;
    try (FileChannel channel = FileChannel.open(session.file, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      int read;
      while ((read = body.read(buffer)) > 0) {
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
        while (chunk.hasRemaining()) {
          offset += channel.write(chunk, offset);
        }
      }
    }
    return offset;
  }

  private void finish(GcsRequest request, Session session, long total, GcsResponse response)
      throws IOException {
    try (FileChannel channel = FileChannel.open(session.file, StandardOpenOption.WRITE)) {
      channel.truncate(total);
    }
    BlobDigest digest = BlobFiles.digest(session.file);
    sessions.remove(request.param("upload_id"));
    try {
      GcsUploads.checkExpectedDigest(session.resource, digest);
    } catch (GcsApiException e) {
      GcsObjectStore.deleteQuietly(session.file);
      throw e;
    }
    session.result =
        store.commit(session.bucket, session.name, session.file, digest, null, session.attributes, session.preconditions);
    sessions.put(request.param("upload_id"), session);
    GcsReads.sendJson(response, 200, GcsJson.object(session.result, rootUrl), request);
  }

  /** A parsed {@code Content-Range}; -1 stands for {@code *}. */
  private record ContentRange(long first, long last, long total) {
    static ContentRange parse(String header) {
      if (header == null) {
        return new ContentRange(-1, -1, -1);
      }
      Matcher matcher = CONTENT_RANGE.matcher(header.trim());
      if (!matcher.matches()) {
        throw GcsApiException.invalid("Invalid Content-Range: " + header);
      }
      long total = matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
      if (matcher.group(1) == null) {
        return new ContentRange(-1, -1, total);
      }
      long first = Long.parseLong(matcher.group(1));
      long last = Long.parseLong(matcher.group(2));
      if (last < first) {
        throw GcsApiException.invalid("Invalid Content-Range: " + header);
      }
      return new ContentRange(first, last, total);
    }
  }
}
