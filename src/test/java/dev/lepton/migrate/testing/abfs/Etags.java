package dev.lepton.migrate.testing.abfs;

/** ETag comparison: headers carry etags in quotes, list responses without. */
final class Etags {
  private Etags() {}

  static String quoted(String etag) {
    return "\"" + etag + "\"";
  }

  static boolean matches(String header, String etag) {
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.equals(etag);
  }
}
