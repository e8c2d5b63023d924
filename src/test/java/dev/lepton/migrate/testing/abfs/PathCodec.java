package dev.lepton.migrate.testing.abfs;

import dev.lepton.migrate.testing.http.PercentDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Percent-decoding of DFS paths and query strings. */
final class PathCodec {
  private static final PercentDecoder DECODER =
      new PercentDecoder(message -> new DfsException(400, "InvalidUri", message));

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
    return DECODER.decodePathSegment(text);
  }

  /** Parses a query string, where {@code +} means a space as in form encoding. */
  static Map<String, List<String>> parseQuery(String rawQuery) {
    return DECODER.parseQuery(rawQuery);
  }
}
