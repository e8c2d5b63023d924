package dev.lepton.migrate.testing.abfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-decoding of DFS paths and query strings. */
final class PathCodec {
  private PathCodec() {}

  /**
   * Decodes a path of several segments, dropping empty ones, so {@code a//b/} reads as {@code
   * a/b}. A {@code +} stays a plus sign.
   */
  static String decodePath(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment));
      }
    }
    return String.join("/", segments);
  }

  /** Drops leading, trailing and repeated slashes from a decoded path. */
  static String normalize(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  /** Decodes {@code %XX} UTF-8 sequences; {@code +} is kept as is. */
  static String decode(String text) {
    return decode(text, false);
  }

  /** Parses a query string, where {@code +} means a space as in form encoding. */
  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
      params.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
    }
    return params;
  }

  private static String decode(String text, boolean plusIsSpace) {
    if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if (b == '%' && i + 2 < utf8.length) {
        int high = Character.digit(utf8[i + 1], 16);
        int low = Character.digit(utf8[i + 2], 16);
        if (high < 0 || low < 0) {
          throw new DfsException(400, "InvalidUri", "Invalid percent-encoding in: " + text);
        }
        bytes.write((high << 4) | low);
        i += 2;
      } else if (b == '%') {
        throw new DfsException(400, "InvalidUri", "Invalid percent-encoding in: " + text);
      } else if (b == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
