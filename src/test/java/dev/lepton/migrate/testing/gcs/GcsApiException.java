package dev.lepton.migrate.testing.gcs;

/**
 * An error answer of the JSON API: the HTTP status and the {@code reason} that the connector's
 * error extractor looks at (for example {@code notFound}, {@code conditionNotMet}).
 */
final class GcsApiException extends RuntimeException {
  private final int status;
  private final String reason;

  GcsApiException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  static GcsApiException objectNotFound(String bucket, String name) {
    return new GcsApiException(404, "notFound", "No such object: " + bucket + "/" + name);
  }

  static GcsApiException bucketNotFound(String bucket) {
    return new GcsApiException(404, "notFound", "The bucket does not exist: " + bucket);
  }

  static GcsApiException preconditionFailed(String detail) {
    return new GcsApiException(
        412, "conditionNotMet", "At least one precondition did not hold: " + detail);
  }

  static GcsApiException invalid(String message) {
    return new GcsApiException(400, "invalid", message);
  }

  /** Returns the error {@code reason} the service uses with an injected status. */
  static String reasonForStatus(int status) {
    return switch (status) {
      case 429 -> "rateLimitExceeded";
      case 500 -> "internalError";
      case 503 -> "backendError";
      case 404 -> "notFound";
      case 412 -> "conditionNotMet";
      case 403 -> "forbidden";
      default -> "invalid";
    };
  }
}
