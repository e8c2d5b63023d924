package dev.lepton.migrate.deltalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * Turns the URL-encoded paths of the log into file locations. The log stores each path as an RFC
 * 2396 URI, relative to the table root or absolute, so it is decoded exactly once: a name written
 * as {@code a%2520b} is the file {@code a%20b}. A {@code +} stays a plus sign, unlike in HTML form
 * decoding.
 */
final class LogPaths {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

  private final Path tableRoot;
  private final String rootPrefix;

  /** Creates paths for a table whose root is qualified with its scheme and authority. */
  LogPaths(Path qualifiedTableRoot) {
    this.tableRoot = qualifiedTableRoot;
    this.rootPrefix = qualifiedTableRoot.toString() + "/";
  }

  /** Returns whether a path as written in the log is absolute: it has a scheme or starts with /. */
  static boolean isAbsolute(String encoded) {
    return encoded.startsWith("/") || SCHEME.matcher(encoded).matches();
  }

  /** Decodes each {@code %XX} escape once, reading the bytes as UTF-8. */
  static String decode(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= encoded.length()
          || Character.digit(encoded.charAt(i + 1), 16) < 0
          || Character.digit(encoded.charAt(i + 2), 16) < 0) {
        throw new IllegalArgumentException(
            "path '" + encoded + "' has an invalid escape at position " + i);
      }
      bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Returns the location of a logged path: the decoded path relative to the table root, or the
   * decoded absolute path. Absolute paths are kept absolute even when they point into the table.
   */
  FileLocation locate(String encoded) {
    String decoded = decode(encoded);
    if (!isAbsolute(encoded)) {
      return FileLocation.relative(decoded);
    }
    return FileLocation.absolute(absolutePath(decoded).toString());
  }

  /**
   * Returns the key that identifies a file during log replay. An absolute path into the table has
   * the same key as its relative form, so that either form of an add and a remove cancel out.
   */
  String replayKey(String encoded) {
    FileLocation location = locate(encoded);
    if (location.isAbsolute() && location.path().startsWith(rootPrefix)) {
      return location.path().substring(rootPrefix.length());
    }
    return location.path();
  }

  /**
   * Returns the decoded path relative to the table root of an absolute logged path that points
   * into the table, or empty for relative paths and paths elsewhere.
   */
  java.util.Optional<String> insideTable(String encoded) {
    return insideTable(locate(encoded));
  }

  /** Returns the decoded relative path of an absolute location inside the table, or empty. */
  java.util.Optional<String> insideTable(FileLocation location) {
    if (location.isAbsolute() && location.path().startsWith(rootPrefix)) {
      return java.util.Optional.of(location.path().substring(rootPrefix.length()));
    }
    return java.util.Optional.empty();
  }

  /**
   * Encodes a decoded relative path the way Delta writers do: as the path of a URI, so that spaces,
   * '%' and other characters outside a URI path become escapes. A colon in the first segment gets
   * a leading "./" so that it is not read as a scheme.
   */
  static String encodeRelative(String decoded) {
    String path = decoded;
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      path = "./" + path;
    }
    try {
      return new java.net.URI(null, null, path, null).getRawPath();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("path '" + decoded + "' cannot be encoded: " + e.getReason(), e);
    }
  }

  /** Returns the Hadoop path of a logged path, resolving relative paths against the table root. */
  Path resolve(String encoded) {
    return locate(encoded).resolve(tableRoot);
  }

  private static Path absolutePath(String decoded) {
    int colon = decoded.indexOf(':');
    if (decoded.startsWith("/") || colon < 0) {
      return new Path(null, null, decoded);
    }
    String scheme = decoded.substring(0, colon);
    String rest = decoded.substring(colon + 1);
    if (!rest.startsWith("//")) {
      return new Path(scheme, null, rest);
    }
    int slash = rest.indexOf('/', 2);
    String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
    return new Path(
        scheme, authority.isEmpty() ? null : authority, slash < 0 ? "/" : rest.substring(slash));
  }
}
