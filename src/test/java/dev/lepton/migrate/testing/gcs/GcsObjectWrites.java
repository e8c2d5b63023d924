package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Calls that change existing objects: delete, metadata updates, rewrite, copy and compose. */
final class GcsObjectWrites {
  /** The service composes at most 32 sources per call and 1,024 components per object. */
  static final int MAX_COMPOSE_SOURCES = 32;

  static final int MAX_COMPONENT_COUNT = 1024;

  private static final long MEBIBYTE = 1024 * 1024;

  private final GcsObjectStore store;
  private final String rootUrl;
  private final RewriteTokens rewriteTokens = new RewriteTokens();

  GcsObjectWrites(GcsObjectStore store, String rootUrl) {
    this.store = store;
    this.rootUrl = rootUrl;
  }

  void delete(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    store.delete(route.bucket(), route.object(), request.longParam("generation"), Preconditions.of(request));
    response.sendEmpty(204);
  }

  /** Merges the body into the object's metadata and raises its metageneration. */
  void patch(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    JsonNode body = GcsJson.read(request.body());
    GcsObject object =
        store.update(route.bucket(), route.object(), Preconditions.of(request), attributes -> attributes.patch(body));
    GcsReads.sendJson(response, 200, GcsJson.object(object, rootUrl), request);
  }

  /** Replaces the object's writable metadata with the body and raises its metageneration. */
  void update(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    JsonNode body = GcsJson.read(request.body());
    GcsObject object =
        store.update(
            route.bucket(), route.object(), Preconditions.of(request),
            attributes -> ObjectAttributes.fromResource(body, null));
    GcsReads.sendJson(response, 200, GcsJson.object(object, rootUrl), request);
  }

  /**
   * Copies an object in one or more calls. With {@code maxBytesRewrittenPerCall} smaller than what
   * is left, a call returns {@code done: false} with the bytes rewritten so far and a {@code
   * rewriteToken} for the next call, as the service does for large objects. The last call writes
   * the destination from the source generation that the first call saw, and returns the resource.
   */
  void rewrite(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    Long maxBytesPerCall = request.longParam("maxBytesRewrittenPerCall");
    if (maxBytesPerCall != null && (maxBytesPerCall <= 0 || maxBytesPerCall % MEBIBYTE != 0)) {
      throw GcsApiException.invalid("maxBytesRewrittenPerCall must be a positive multiple of 1 MiB");
    }
    String token = request.param("rewriteToken");
    RewriteTokens.Progress progress;
    if (token == null || token.isEmpty()) {
      store.bucket(route.destinationBucket());
      GcsObject source =
          store.get(route.bucket(), route.object(), request.longParam("sourceGeneration"), Preconditions.ofSource(request));
      progress = RewriteTokens.Progress.start(route, source);
    } else {
      progress = rewriteTokens.take(token, route);
      // Throws 404 when the pinned generation is no longer live.
      store.get(progress.sourceBucket(), progress.sourceObject(), progress.sourceGeneration(), Preconditions.NONE);
    }

    ObjectNode answer = GcsJson.MAPPER.createObjectNode();
    answer.put("kind", "storage#rewriteResponse");
    answer.put("objectSize", Long.toString(progress.objectSize()));
    if (maxBytesPerCall != null && progress.remaining() > maxBytesPerCall) {
      RewriteTokens.Progress next = progress.advance(maxBytesPerCall);
      answer.put("totalBytesRewritten", Long.toString(next.bytesRewritten()));
      answer.put("done", false);
      answer.put("rewriteToken", rewriteTokens.issue(next));
    } else {
      GcsObject copy = copyObject(request, route, progress.sourceGeneration());
      answer.put("totalBytesRewritten", Long.toString(copy.size()));
      answer.put("done", true);
      answer.set("resource", GcsJson.object(copy, rootUrl));
    }
    GcsReads.sendJson(response, 200, answer, request);
  }

  void copy(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    GcsObject copy = copyObject(request, route, request.longParam("sourceGeneration"));
    GcsReads.sendJson(response, 200, GcsJson.object(copy, rootUrl), request);
  }

  /**
   * Writes the concatenation of up to 32 objects of the bucket as a new generation of the
   * destination. As in the service, the result has a {@code componentCount} and no MD5.
   */
  void compose(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    JsonNode body = GcsJson.read(request.body());
    JsonNode sources = body.path("sourceObjects");
    if (!sources.isArray() || sources.isEmpty() || sources.size() > MAX_COMPOSE_SOURCES) {
      throw GcsApiException.invalid("A compose request needs 1 to 32 sourceObjects, got " + sources.size());
    }
    List<GcsObjectStore.OpenedObject> opened = new ArrayList<>();
    Path blob = store.newBlobPath();
    try {
      int componentCount = 0;
      for (JsonNode source : sources) {
        GcsObjectStore.OpenedObject part = openComposeSource(route.bucket(), source);
        opened.add(part);
        Integer count = part.object().componentCount();
        componentCount += count == null ? 1 : count;
      }
      if (componentCount > MAX_COMPONENT_COUNT) {
        throw GcsApiException.invalid(
            "The composed object would have " + componentCount + " components, more than 1024");
      }
      List<InputStream> streams = new ArrayList<>();
      opened.forEach(part -> streams.add(Channels.newInputStream(part.channel())));
      BlobDigest digest;
      try (InputStream joined = new SequenceInputStream(Collections.enumeration(streams))) {
        digest = BlobFiles.write(joined, blob);
      }
      ObjectAttributes attributes =
          ObjectAttributes.fromResource(body.path("destination"), opened.get(0).object().attributes().contentType());
      GcsObject object =
          store.commit(
              route.bucket(), route.object(), blob, digest.withoutMd5(), componentCount, attributes,
              Preconditions.of(request));
      GcsReads.sendJson(response, 200, GcsJson.object(object, rootUrl), request);
    } catch (RuntimeException e) {
      GcsObjectStore.deleteQuietly(blob);
      throw e;
    } finally {
      for (GcsObjectStore.OpenedObject part : opened) {
        part.channel().close();
      }
    }
  }

  private GcsObjectStore.OpenedObject openComposeSource(String bucket, JsonNode source) {
    if (!source.hasNonNull("name")) {
      throw new GcsApiException(400, "required", "Required: sourceObjects[].name");
    }
    Long generation = source.hasNonNull("generation") ? source.get("generation").asLong() : null;
    JsonNode conditions = source.path("objectPreconditions");
    Long ifGenerationMatch =
        conditions.hasNonNull("ifGenerationMatch") ? conditions.get("ifGenerationMatch").asLong() : null;
    return store.open(
        bucket, source.get("name").asText(), generation, new Preconditions(ifGenerationMatch, null, null, null));
  }

  /**
   * Copies the source's bytes to a new generation of the destination. A non-empty body sets the
   * destination's metadata, and otherwise the source's metadata is kept.
   */
  private GcsObject copyObject(GcsRequest request, GcsRoute route, Long sourceGeneration) throws IOException {
    JsonNode body = GcsJson.read(request.body());
    store.bucket(route.destinationBucket());
    GcsObjectStore.OpenedObject source =
        store.open(route.bucket(), route.object(), sourceGeneration, Preconditions.ofSource(request));
    Path blob = store.newBlobPath();
    try (FileChannel channel = source.channel()) {
      BlobDigest digest = BlobFiles.write(Channels.newInputStream(channel), blob);
      GcsObject original = source.object();
      ObjectAttributes attributes =
          body.isEmpty()
              ? original.attributes()
              : ObjectAttributes.fromResource(body, original.attributes().contentType());
      BlobDigest copyDigest = original.md5() == null ? digest.withoutMd5() : digest;
      return store.commit(
          route.destinationBucket(), route.destinationObject(), blob, copyDigest, original.componentCount(),
          attributes, Preconditions.of(request));
    } catch (RuntimeException e) {
      GcsObjectStore.deleteQuietly(blob);
      throw e;
    }
  }
}
