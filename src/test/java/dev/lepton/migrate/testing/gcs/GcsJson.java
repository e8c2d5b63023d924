package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * JSON resources of the API as the connector reads them: 64-bit numbers ({@code generation},
 * {@code size}) are strings, times are RFC 3339 with milliseconds.
 */
final class GcsJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String CONTENT_TYPE = "application/json; charset=UTF-8";

  private GcsJson() {}

  /** Reads a JSON body; an empty body reads as an empty object. */
  static JsonNode read(InputStream body) throws IOException {
    byte[] bytes = body.readAllBytes();
    if (bytes.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw GcsApiException.invalid("Invalid JSON body: " + e.getMessage());
    }
  }

  static ObjectNode object(GcsObject object, String rootUrl) {
    String encodedName = UrlCodec.encode(object.name());
    String bucket = object.bucket();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", "storage#object");
    node.put("id", bucket + "/" + object.name() + "/" + object.generation());
    node.put("selfLink", rootUrl + "storage/v1/b/" + bucket + "/o/" + encodedName);
    node.put(
        "mediaLink",
        rootUrl + "download/storage/v1/b/" + bucket + "/o/" + encodedName
            + "?generation=" + object.generation() + "&alt=media");
    node.put("name", object.name());
    node.put("bucket", bucket);
    node.put("generation", Long.toString(object.generation()));
    node.put("metageneration", Long.toString(object.metageneration()));

    ObjectAttributes attributes = object.attributes();
    putIfPresent(node, "contentType", attributes.contentType());
    putIfPresent(node, "contentEncoding", attributes.contentEncoding());
    putIfPresent(node, "contentDisposition", attributes.contentDisposition());
    putIfPresent(node, "contentLanguage", attributes.contentLanguage());
    putIfPresent(node, "cacheControl", attributes.cacheControl());
    if (!attributes.metadata().isEmpty()) {
      ObjectNode metadata = node.putObject("metadata");
      attributes.metadata().forEach(metadata::put);
    }

    node.put("storageClass", "STANDARD");
    node.put("size", Long.toString(object.size()));
    putIfPresent(node, "md5Hash", object.digest().md5Base64());
    node.put("crc32c", object.digest().crc32cBase64());
    node.put("etag", etag(object.generation(), object.metageneration()));
    node.put("timeCreated", object.created().toString());
    node.put("updated", object.updated().toString());
    node.put("timeStorageClassUpdated", object.created().toString());
    if (object.componentCount() != null) {
      node.put("componentCount", object.componentCount());
    }
    return node;
  }

  static ObjectNode bucket(GcsObjectStore.GcsBucket bucket, String rootUrl) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", "storage#bucket");
    node.put("id", bucket.name());
    node.put("selfLink", rootUrl + "storage/v1/b/" + bucket.name());
    node.put("name", bucket.name());
    node.put("projectNumber", "0");
    node.put("metageneration", "1");
    node.put("location", "US");
    node.put("locationType", "multi-region");
    node.put("storageClass", "STANDARD");
    node.put("etag", "CAE=");
    node.put("timeCreated", bucket.created().toString());
    node.put("updated", bucket.created().toString());
    return node;
  }

  static ObjectNode page(ObjectListing.Page page, String rootUrl) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", "storage#objects");
    if (page.nextPageToken() != null) {
      node.put("nextPageToken", page.nextPageToken());
    }
    if (!page.prefixes().isEmpty()) {
      ArrayNode prefixes = node.putArray("prefixes");
      page.prefixes().forEach(prefixes::add);
    }
    if (!page.items().isEmpty()) {
      ArrayNode items = node.putArray("items");
      page.items().forEach(item -> items.add(object(item, rootUrl)));
    }
    return node;
  }

  /** Builds an error body of the shape google-api-client parses into a GoogleJsonResponseException. */
  static ObjectNode error(int status, String reason, String message) {
    ObjectNode node = MAPPER.createObjectNode();
    ObjectNode error = node.putObject("error");
    error.put("code", status);
    error.put("message", message);
    ObjectNode detail = error.putArray("errors").addObject();
    detail.put("message", message);
    detail.put("domain", "global");
    detail.put("reason", reason);
    return node;
  }


  private static String etag(long generation, long metageneration) {
    byte[] bytes = ByteBuffer.allocate(16).putLong(generation).putLong(metageneration).array();
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
