package dev.lepton.migrate.testing.abfs;

import dev.lepton.migrate.testing.http.FileRanges;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls on one path: create, rename, append, flush, properties, status, read and delete. */
final class PathHandler {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final DfsNamespace namespace;
  private final FileContents contents;
  private final TreeChanges treeChanges;

  PathHandler(DfsNamespace namespace, TreeChanges treeChanges) {
    this.namespace = namespace;
    this.contents = new FileContents(namespace);
    this.treeChanges = treeChanges;
  }

  /** Creates a file or directory; {@code If-None-Match: *} makes it fail when the path exists. */
  void create(DfsRequest request, DfsResponse response, boolean directory) throws IOException {
    DfsNamespace.CreateOptions options =
        new DfsNamespace.CreateOptions(
            directory,
            request.header("If-Match"),
            request.header("If-None-Match"),
            Properties.check(request.header("x-ms-properties")),
            request.header("x-ms-permissions"),
            request.header("x-ms-umask"),
            request.header("x-ms-lease-id"));
    DfsEntryView created;
    synchronized (namespace) {
      created = DfsEntryView.of(namespace.create(request.filesystem(), request.path(), options));
    }
    response.header("ETag", Etags.quoted(created.etag())).date("Last-Modified", created.lastModified());
    response.header("x-ms-request-server-encrypted", "true");
    response.send(201);
  }

  /** Renames the path named by {@code x-ms-rename-source}, {@code /FILESYSTEM/PATH}, to this one. */
  void rename(DfsRequest request, DfsResponse response) throws IOException {
    String source = request.header("x-ms-rename-source");
    int query = source.indexOf('?');
    String sourcePath = query < 0 ? source : source.substring(0, query);
    String[] parts = (sourcePath.startsWith("/") ? sourcePath.substring(1) : sourcePath).split("/", 2);
    if (!PathCodec.decode(parts[0]).equals(request.filesystem())) {
      // NOTE: the service can rename across filesystems of one account, but this server cannot.
      throw new DfsException(
          400, "InvalidSourceUri", "Cannot rename across filesystems: " + source + " to " + request.filesystem());
    }
    String from = parts.length > 1 ? PathCodec.decodePath(parts[1]) : "";
    TreeChanges.RenameOptions options =
        new TreeChanges.RenameOptions(
            request.header("If-None-Match"),
            request.header("If-Match"),
            request.header("x-ms-source-lease-id"),
            request.header("x-ms-lease-id"));
    String continuation =
        treeChanges.rename(request.filesystem(), from, request.path(), request.param("continuation"), options);
    response.header("x-ms-continuation", continuation);
    response.date("Last-Modified", DfsNamespace.now());
    response.send(201);
  }

  /**
   * Stores an append's body on disk, checking {@code Content-MD5} when sent, and registers it at
   * {@code position}. With {@code flush=true} the data is flushed at once.
   */
  void append(DfsRequest request, DfsResponse response) throws IOException {
    long position = requiredPosition(request);
    Path data = namespace.newBlobPath();
    long length;
    byte[] md5;
    try (InputStream body = new DigestInputStream(request.body(), md5())) {
      length = Files.copy(body, data);
      md5 = ((DigestInputStream) body).getMessageDigest().digest();
    }
    String expectedMd5 = request.header("Content-MD5");
    if (expectedMd5 != null && !expectedMd5.equals(Base64.getEncoder().encodeToString(md5))) {
      DfsNamespace.deleteQuietly(data);
      throw new DfsException(400, "Md5Mismatch", "The Content-MD5 of the append does not match its body");
    }
    String leaseId = request.header("x-ms-lease-id");
    contents.append(request.filesystem(), request.path(), position, data, length, leaseId);
    if (request.booleanParam("flush")) {
      String etag = contents.flush(request.filesystem(), request.path(), position + length, false, leaseId);
      response.header("ETag", Etags.quoted(etag));
    }
    response.header("x-ms-request-server-encrypted", "true");
    response.send(202);
  }

  /** Commits appended data up to {@code position}; the request must have no body. */
  void flush(DfsRequest request, DfsResponse response) throws IOException {
    long position = requiredPosition(request);
    if (request.body().read() >= 0) {
      throw new DfsException(400, "InvalidRequestContent", "A flush request must not have a body");
    }
    String etag =
        contents.flush(
            request.filesystem(), request.path(), position, request.booleanParam("retainUncommittedData"),
            request.header("x-ms-lease-id"));
    response.header("ETag", Etags.quoted(etag)).date("Last-Modified", DfsNamespace.now());
    response.header("x-ms-request-server-encrypted", "true");
    response.send(200);
  }

  void setProperties(DfsRequest request, DfsResponse response) throws IOException {
    namespace.setProperties(
        request.filesystem(), request.path(), Properties.check(request.header("x-ms-properties")),
        request.header("x-ms-lease-id"));
    sendEtag(request, response, 200);
  }

  void setAccessControl(DfsRequest request, DfsResponse response) throws IOException {
    namespace.setAccessControl(
        request.filesystem(), request.path(), request.header("x-ms-owner"), request.header("x-ms-group"),
        request.header("x-ms-permissions"), request.header("x-ms-acl"));
    sendEtag(request, response, 200);
  }

  /**
   * Responds to HEAD with the resource type, length, etag and POSIX attributes. User properties
   * come only without {@code action=getStatus}, and the ACL only with {@code
   * action=getAccessControl}.
   */
  void getStatus(DfsRequest request, DfsResponse response, boolean accessControl) throws IOException {
    DfsEntryView view;
    synchronized (namespace) {
      view = DfsEntryView.of(namespace.require(request.filesystem(), request.path()));
    }
    response.header("ETag", Etags.quoted(view.etag())).date("Last-Modified", view.lastModified());
    response.header("x-ms-owner", view.owner()).header("x-ms-group", view.group());
    response.header("x-ms-permissions", view.permissions());
    if (accessControl) {
      response.header("x-ms-acl", view.acl());
      response.send(200);
      return;
    }
    response.header("x-ms-resource-type", view.resourceType());
    response.date("x-ms-creation-time", view.created());
    response.header("x-ms-server-encrypted", "true");
    if (!"getStatus".equals(request.param("action"))) {
      response.header("x-ms-properties", view.properties());
    }
    if (!view.directory()) {
      response.header("Content-Type", "application/octet-stream");
      response.header("Accept-Ranges", "bytes");
      setLeaseHeaders(response, view);
    }
    response.send(200, view.length());
  }

  /** Streams a file, or the single byte range of a {@code Range} header with 206. */
  void read(DfsRequest request, DfsResponse response) throws IOException {
    FileContents.OpenedFile file = contents.open(request.filesystem(), request.path(), request.header("If-Match"));
    try (FileChannel channel = file.channel()) {
      long first = 0;
      long last = file.length() - 1;
      int status = 200;
      String range = request.header("Range");
      if (range == null) {
        range = request.header("x-ms-range");
      }
      if (range != null) {
        Matcher matcher = RANGE.matcher(range.trim());
        if (!matcher.matches()) {
          throw DfsException.invalidHeader("Range", range);
        }
        first = Long.parseLong(matcher.group(1));
        if (first >= file.length()) {
          response.header("Content-Range", "bytes */" + file.length());
          throw new DfsException(
              416, "InvalidRange", "The range " + range + " starts past the end of a " + file.length() + "-byte file");
        }
        if (!matcher.group(2).isEmpty()) {
          last = Math.min(last, Long.parseLong(matcher.group(2)));
        }
        status = 206;
        response.header("Content-Range", "bytes " + first + "-" + last + "/" + file.length());
      }
      response.header("ETag", Etags.quoted(file.etag())).date("Last-Modified", file.lastModified());
      response.header("x-ms-resource-type", "file").header("Content-Type", "application/octet-stream");
      response.header("Accept-Ranges", "bytes");
      FileRanges.copyAndClose(channel, first, last - first + 1, response.sendStream(status, last - first + 1));
    }
  }

  void delete(DfsRequest request, DfsResponse response) throws IOException {
    String continuation =
        treeChanges.delete(
            request.filesystem(), request.path(), request.booleanParam("recursive"), request.param("continuation"),
            request.header("x-ms-lease-id"));
    response.header("x-ms-continuation", continuation);
    response.send(200);
  }

  private void sendEtag(DfsRequest request, DfsResponse response, int status) throws IOException {
    DfsEntryView view;
    synchronized (namespace) {
      view = DfsEntryView.of(namespace.require(request.filesystem(), request.path()));
    }
    response.header("ETag", Etags.quoted(view.etag())).date("Last-Modified", view.lastModified());
    response.send(status);
  }

  static void setLeaseHeaders(DfsResponse response, DfsEntryView view) {
    String state = switch (view.leaseState()) {
      case AVAILABLE -> "available";
      case LEASED -> "leased";
      case EXPIRED -> "expired";
      case BREAKING -> "breaking";
      case BROKEN -> "broken";
    };
    boolean locked = view.leaseState() == Lease.State.LEASED || view.leaseState() == Lease.State.BREAKING;
    response.header("x-ms-lease-state", state);
    response.header("x-ms-lease-status", locked ? "locked" : "unlocked");
    if (view.leaseState() == Lease.State.LEASED) {
      response.header("x-ms-lease-duration", view.infiniteLease() ? "infinite" : "fixed");
    }
  }

  private static long requiredPosition(DfsRequest request) {
    long position = request.longParam("position");
    if (position < 0) {
      throw new DfsException(400, "MissingRequiredQueryParameter", "The query parameter position is required");
    }
    return position;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides MD5", e);
    }
  }
}
