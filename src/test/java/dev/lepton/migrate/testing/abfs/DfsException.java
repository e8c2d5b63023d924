package dev.lepton.migrate.testing.abfs;

/**
 * An error answer of the DFS endpoint: the HTTP status and the {@code x-ms-error-code} that the
 * ABFS driver maps to exceptions (for example {@code PathNotFound}, {@code PathAlreadyExists}).
 */
final class DfsException extends RuntimeException {
  private final int status;
  private final String code;

  DfsException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static DfsException pathNotFound(String path) {
    return new DfsException(404, "PathNotFound", "The path does not exist: /" + path);
  }

  static DfsException filesystemNotFound(String filesystem) {
    return new DfsException(404, "FilesystemNotFound", "The filesystem does not exist: " + filesystem);
  }

  static DfsException pathAlreadyExists(String path) {
    return new DfsException(409, "PathAlreadyExists", "The path already exists: /" + path);
  }

  static DfsException conditionNotMet(String detail) {
    return new DfsException(412, "ConditionNotMet", "A conditional header did not hold: " + detail);
  }

  static DfsException invalidQuery(String name, String value) {
    return new DfsException(
        400, "InvalidQueryParameterValue", "Invalid value for query parameter " + name + ": " + value);
  }

  static DfsException invalidHeader(String name, String value) {
    return new DfsException(400, "InvalidHeaderValue", "Invalid value for header " + name + ": " + value);
  }

  /** Returns the error code the service sends with an injected status. */
  static String codeForStatus(int status) {
    return switch (status) {
      case 500 -> "InternalError";
      case 503 -> "ServerBusy";
      case 429 -> "TooManyRequests";
      default -> "InjectedFault";
    };
  }
}
