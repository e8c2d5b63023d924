package dev.lepton.migrate.testing.gcs;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a request addresses: the kind of call and the decoded bucket and object names, plus the
 * destination of a rewrite or copy.
 */
record GcsRoute(
    GcsCall call, String bucket, String object, String destinationBucket, String destinationObject) {

  /**
   * Classifies a request by method and path. The API is served under {@code /storage/v1/} for
   * metadata, {@code /upload/storage/v1/} for uploads, {@code /download/storage/v1/} for media and
   * {@code /batch/storage/v1} for batches.
   */
  static GcsRoute of(GcsRequest request) {
    String method = effectiveMethod(request);
    String[] segments = segments(request.rawPath());
    int length = segments.length;
    if (length >= 1 && segments[0].equals("batch")) {
      return simple(method.equals("POST") ? GcsCall.BATCH : GcsCall.UNSUPPORTED);
    }
    if (length == 6 && startsWith(segments, "upload", "storage", "v1", "b") && segments[5].equals("o")) {
      return new GcsRoute(uploadCall(method, request), decode(segments[4]), null, null, null);
    }
    if (length == 7 && startsWith(segments, "download", "storage", "v1", "b") && segments[5].equals("o")) {
      return new GcsRoute(
          method.equals("GET") ? GcsCall.DOWNLOAD : GcsCall.UNSUPPORTED,
          decode(segments[4]), decode(segments[6]), null, null);
    }
    if (!startsWith(segments, "storage", "v1", "b")) {
      return simple(GcsCall.UNSUPPORTED);
    }
    return metadataRoute(method, request, Arrays.copyOfRange(segments, 3, length));
  }

  /** Routes the part of a {@code /storage/v1/b...} path after {@code b}. */
  private static GcsRoute metadataRoute(String method, GcsRequest request, String[] rest) {
    if (rest.length == 0) {
      return simple(method.equals("POST") ? GcsCall.INSERT_BUCKET : GcsCall.UNSUPPORTED);
    }
    String bucket = decode(rest[0]);
    if (rest.length == 1) {
      GcsCall call = switch (method) {
        case "GET" -> GcsCall.GET_BUCKET;
        case "DELETE" -> GcsCall.DELETE_BUCKET;
        default -> GcsCall.UNSUPPORTED;
      };
      return new GcsRoute(call, bucket, null, null, null);
    }
    if (!rest[1].equals("o")) {
      return simple(GcsCall.UNSUPPORTED);
    }
    if (rest.length == 2) {
      return new GcsRoute(
          method.equals("GET") ? GcsCall.LIST_OBJECTS : GcsCall.UNSUPPORTED, bucket, null, null, null);
    }
    String object = decode(rest[2]);
    if (rest.length == 3) {
      GcsCall call = switch (method) {
        case "GET" -> "media".equals(request.param("alt")) ? GcsCall.DOWNLOAD : GcsCall.GET_OBJECT;
        case "DELETE" -> GcsCall.DELETE_OBJECT;
        case "PATCH" -> GcsCall.PATCH_OBJECT;
        case "PUT" -> GcsCall.UPDATE_OBJECT;
        default -> GcsCall.UNSUPPORTED;
      };
      return new GcsRoute(call, bucket, object, null, null);
    }
    if (rest.length == 4 && rest[3].equals("compose") && method.equals("POST")) {
      return new GcsRoute(GcsCall.COMPOSE_OBJECT, bucket, object, null, null);
    }
    if (rest.length == 8 && rest[4].equals("b") && rest[6].equals("o") && method.equals("POST")) {
      GcsCall call = switch (rest[3]) {
        case "rewriteTo" -> GcsCall.REWRITE_OBJECT;
        case "copyTo" -> GcsCall.COPY_OBJECT;
        default -> GcsCall.UNSUPPORTED;
      };
      return new GcsRoute(call, bucket, object, decode(rest[5]), decode(rest[7]));
    }
    return simple(GcsCall.UNSUPPORTED);
  }

  private static GcsCall uploadCall(String method, GcsRequest request) {
    if (request.param("upload_id") != null) {
      return switch (method) {
        case "PUT", "POST" -> GcsCall.UPLOAD_RESUMABLE_CHUNK;
        case "DELETE" -> GcsCall.UPLOAD_RESUMABLE_CANCEL;
        default -> GcsCall.UNSUPPORTED;
      };
    }
    if (!method.equals("POST")) {
      return GcsCall.UNSUPPORTED;
    }
    String uploadType = request.param("uploadType");
    if (uploadType == null) {
      return GcsCall.UNSUPPORTED;
    }
    return switch (uploadType) {
      case "multipart" -> GcsCall.UPLOAD_MULTIPART;
      case "media" -> GcsCall.UPLOAD_MEDIA;
      case "resumable" -> GcsCall.UPLOAD_RESUMABLE_START;
      default -> GcsCall.UNSUPPORTED;
    };
  }

  /**
   * Returns the method the client means: google-http-client sends PATCH as a POST with an
   * {@code X-HTTP-Method-Override} header when its transport cannot send PATCH.
   */
  static String effectiveMethod(GcsRequest request) {
    String override = request.header("X-HTTP-Method-Override");
    return override == null ? request.method() : override.toUpperCase(Locale.ROOT);
  }

  private static GcsRoute simple(GcsCall call) {
    return new GcsRoute(call, null, null, null, null);
  }

  private static String[] segments(String rawPath) {
    String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  private static boolean startsWith(String[] segments, String... expected) {
    if (segments.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!segments[i].equals(expected[i])) {
        return false;
      }
    }
    return true;
  }

  private static String decode(String segment) {
    return UrlCodec.decodePathSegment(segment);
  }
}
