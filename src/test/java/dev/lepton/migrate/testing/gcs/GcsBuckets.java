package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Bucket calls: get, insert and delete. */
final class GcsBuckets {
  private final GcsObjectStore store;
  private final String rootUrl;

  GcsBuckets(GcsObjectStore store, String rootUrl) {
    this.store = store;
    this.rootUrl = rootUrl;
  }

  void get(GcsRequest request, GcsRoute route, GcsResponse response) throws IOException {
    GcsReads.sendJson(response, 200, GcsJson.bucket(store.bucket(route.bucket()), rootUrl), request);
  }

  void insert(GcsRequest request, GcsResponse response) throws IOException {
    JsonNode body = GcsJson.read(request.body());
    if (!body.hasNonNull("name")) {
      throw new GcsApiException(400, "required", "Required: the bucket name");
    }
    GcsReads.sendJson(response, 200, GcsJson.bucket(store.createBucket(body.get("name").asText()), rootUrl), request);
  }

  void delete(GcsRoute route, GcsResponse response) throws IOException {
    store.deleteBucket(route.bucket());
    response.sendEmpty(204);
  }
}
