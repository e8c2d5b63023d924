package dev.lepton.migrate.testing.abfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Calls on a whole filesystem ({@code resource=filesystem}): create, properties, delete, list. */
final class FilesystemHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DfsNamespace namespace;
  private final DfsListing listing;

  FilesystemHandler(DfsNamespace namespace) {
    this.namespace = namespace;
    this.listing = new DfsListing(namespace);
  }

  void create(DfsRequest request, DfsResponse response) throws IOException {
    DfsNamespace.Filesystem filesystem =
        namespace.createFilesystem(request.filesystem(), request.header("x-ms-properties"));
    response.header("ETag", Etags.quoted(filesystem.etag)).date("Last-Modified", filesystem.created);
    response.send(201);
  }

  void getProperties(DfsRequest request, DfsResponse response) throws IOException {
    DfsNamespace.Filesystem filesystem = namespace.filesystem(request.filesystem());
    response.header("ETag", Etags.quoted(filesystem.etag)).date("Last-Modified", filesystem.created);
    response.header("x-ms-properties", filesystem.properties);
    response.header("x-ms-namespace-enabled", "true");
    response.send(200);
  }

  void setProperties(DfsRequest request, DfsResponse response) throws IOException {
    namespace.setFilesystemProperties(request.filesystem(), request.header("x-ms-properties"));
    response.send(200);
  }

  void delete(DfsRequest request, DfsResponse response) throws IOException {
    namespace.deleteFilesystem(request.filesystem());
    response.send(202);
  }

  /** Lists paths: {@code directory} (root when absent), {@code recursive}, {@code maxResults}. */
  void list(DfsRequest request, DfsResponse response) throws IOException {
    if (request.param("recursive") == null) {
      throw new DfsException(400, "MissingRequiredQueryParameter", "The query parameter recursive is required");
    }
    String directory = request.param("directory") == null ? "" : PathCodec.normalize(request.param("directory"));
    long maxResults = request.longParam("maxResults");
    DfsListing.Page page =
        listing.list(
            request.filesystem(), directory, request.booleanParam("recursive"),
            (int) Math.min(maxResults, Integer.MAX_VALUE), request.param("continuation"));
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode paths = body.putArray("paths");
    for (DfsListing.Item item : page.items()) {
      DfsEntryView view = item.view();
      ObjectNode entry = paths.addObject();
      entry.put("name", item.path());
      if (view.directory()) {
        entry.put("isDirectory", "true");
      }
      // The service sends numbers as JSON strings here.
      entry.put("contentLength", Long.toString(view.length()));
      entry.put("lastModified", DfsResponse.HTTP_DATE.format(view.lastModified()));
      entry.put("etag", view.etag());
      entry.put("owner", view.owner());
      entry.put("group", view.group());
      entry.put("permissions", view.permissions());
    }
    response.header("x-ms-continuation", page.continuation());
    response.sendJson(200, MAPPER.writeValueAsBytes(body));
  }
}
