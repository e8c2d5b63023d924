package dev.lepton.migrate.testing.abfs;

import java.util.Base64;

/** The {@code x-ms-properties} header: comma-separated {@code name=value}, values in base64. */
final class Properties {
  private Properties() {}

  /** Returns the header unchanged after checking its form, or null when it is absent. */
  static String check(String header) {
    if (header == null || header.isEmpty()) {
      return header;
    }
    for (String pair : header.split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw DfsException.invalidHeader("x-ms-properties", header);
      }
      try {
        Base64.getDecoder().decode(pair.substring(equals + 1).trim());
      } catch (IllegalArgumentException e) {
        throw DfsException.invalidHeader("x-ms-properties", header);
      }
    }
    return header;
  }
}
