package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.file.Path;

/** Single-request uploads: {@code uploadType=multipart} (metadata and media) and {@code media}. */
final class GcsUploads {
  private final GcsObjectStore store;
  private final String rootUrl;

  GcsUploads(GcsObjectStore store, String rootUrl) {
    this.store = store;
    this.rootUrl = rootUrl;
  }

  /**
   * Stores a {@code multipart/related} upload: a JSON object resource, then the media. The media
   * part is streamed to disk, never buffered.
   */
  void multipart(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    store.bucket(route.bucket());
    String boundary = MultipartReader.boundaryOf(request.header("Content-Type"));
    if (boundary == null) {
      throw GcsApiException.invalid("A multipart upload needs a multipart/related body with a boundary");
    }
    MultipartReader reader = new MultipartReader(request.body(), boundary);
    if (reader.nextPart() == null) {
      throw GcsApiException.invalid("The multipart upload has no metadata part");
    }
    JsonNode resource = GcsJson.read(reader.partBody());
    Headers mediaHeaders = reader.nextPart();
    if (mediaHeaders == null) {
      throw GcsApiException.invalid("The multipart upload has no media part");
    }
    Path blob = store.newBlobPath();
    BlobDigest digest = BlobFiles.write(reader.partBody(), blob);
    try {
      if (reader.nextPart() != null) {
        throw GcsApiException.invalid("A multipart upload must have exactly two parts");
      }
      String name = objectName(request, resource);
      checkExpectedDigest(resource, digest);
      ObjectAttributes attributes =
          ObjectAttributes.fromResource(resource, mediaHeaders.getFirst("Content-Type"));
      GcsObject object =
          store.commit(route.bucket(), name, blob, digest, null, attributes, Preconditions.of(request));
      GcsReads.sendJson(response, 200, GcsJson.object(object, rootUrl), request);
    } catch (RuntimeException e) {
      GcsObjectStore.deleteQuietly(blob);
      throw e;
    }
  }

  /** Stores an {@code uploadType=media} upload, whose body is the media and whose name is a parameter. */
  void media(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    store.bucket(route.bucket());
    String name = objectName(request, GcsJson.MAPPER.createObjectNode());
    Path blob = store.newBlobPath();
    BlobDigest digest = BlobFiles.write(request.body(), blob);
    ObjectAttributes attributes =
        ObjectAttributes.fromResource(GcsJson.MAPPER.createObjectNode(), request.header("Content-Type"));
    GcsObject object =
        store.commit(route.bucket(), name, blob, digest, null, attributes, Preconditions.of(request));
    GcsReads.sendJson(response, 200, GcsJson.object(object, rootUrl), request);
  }

  /** Returns the object name from the {@code name} parameter or, failing that, the resource. */
  static String objectName(GcsRequest request, JsonNode resource) {
    String name = request.param("name");
    if (name == null && resource.hasNonNull("name")) {
      name = resource.get("name").asText();
    }
    if (name == null || name.isEmpty()) {
      throw new GcsApiException(400, "required", "Required: the object name");
    }
    if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || name.equals(".") || name.equals("..")) {
      throw GcsApiException.invalid("Invalid object name: " + name);
    }
    return name;
  }

  /** Rejects the upload when the client sent a {@code crc32c} or {@code md5Hash} that differs. */
  static void checkExpectedDigest(JsonNode resource, BlobDigest digest) {
    if (resource.hasNonNull("crc32c") && !resource.get("crc32c").asText().equals(digest.crc32cBase64())) {
      throw GcsApiException.invalid(
          "The provided crc32c " + resource.get("crc32c").asText() + " does not match the data's "
              + digest.crc32cBase64());
    }
    if (resource.hasNonNull("md5Hash") && !resource.get("md5Hash").asText().equals(digest.md5Base64())) {
      throw GcsApiException.invalid(
          "The provided md5Hash " + resource.get("md5Hash").asText() + " does not match the data's "
              + digest.md5Base64());
    }
  }
}
