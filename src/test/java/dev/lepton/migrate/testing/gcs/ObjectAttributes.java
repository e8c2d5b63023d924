package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The writable metadata of an object: content headers and the custom {@code metadata} map. */
record ObjectAttributes(
    String contentType,
    String contentEncoding,
    String contentDisposition,
    String contentLanguage,
    String cacheControl,
    Map<String, String> metadata) {

  static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  ObjectAttributes {
    metadata = Map.copyOf(metadata);
  }

  /**
   * Reads the attributes of a new object from an object resource sent by the client. {@code
   * fallbackContentType} comes from the media part or an {@code X-Upload-Content-Type} header.
   */
  static ObjectAttributes fromResource(JsonNode resource, String fallbackContentType) {
    String contentType = text(resource, "contentType");
    if (contentType == null) {
      contentType = fallbackContentType == null ? DEFAULT_CONTENT_TYPE : fallbackContentType;
    }
    return new ObjectAttributes(
        contentType,
        text(resource, "contentEncoding"),
        text(resource, "contentDisposition"),
        text(resource, "contentLanguage"),
        text(resource, "cacheControl"),
        readMetadata(resource.path("metadata"), Map.of()));
  }

  /**
   * Applies a PATCH body: fields present replace the old values, explicit nulls clear them, and
   * {@code metadata} entries merge key by key, a null value removing the key.
   */
  ObjectAttributes patch(JsonNode patch) {
    return new ObjectAttributes(
        patched(patch, "contentType", contentType),
        patched(patch, "contentEncoding", contentEncoding),
        patched(patch, "contentDisposition", contentDisposition),
        patched(patch, "contentLanguage", contentLanguage),
        patched(patch, "cacheControl", cacheControl),
        patch.has("metadata") ? readMetadata(patch.get("metadata"), metadata) : metadata);
  }

  private static String patched(JsonNode patch, String field, String current) {
    if (!patch.has(field)) {
      return current;
    }
    return patch.get(field).isNull() ? null : patch.get(field).asText();
  }

  private static Map<String, String> readMetadata(JsonNode node, Map<String, String> base) {
    if (node.isNull()) {
      return Map.of();
    }
    Map<String, String> merged = new LinkedHashMap<>(base);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().isNull()) {
        merged.remove(entry.getKey());
      } else {
        merged.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return merged;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
