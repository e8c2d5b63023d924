package dev.lepton.migrate.store;

import dev.lepton.migrate.InvalidInputException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import org.apache.hadoop.fs.Path;

/**
 * A root folder on some store, as a normalised URI without a trailing slash. Files below it are named
 * by relative paths: decoded, '/'-separated, never starting with '/'. Building a Hadoop {@link Path}
 * goes through the multi-argument {@link URI} constructor so that '#', '%', '?', ':' and spaces in
 * names stay part of the name.
 */
public record Location(String scheme, String authority, String rootPath) implements Serializable {
  public Location {
    if (rootPath == null || !rootPath.startsWith("/")) {
      throw new IllegalArgumentException("root path must be absolute: " + rootPath);
    }
    if (rootPath.length() > 1 && rootPath.endsWith("/")) {
      throw new IllegalArgumentException("root path must not end with '/': " + rootPath);
    }
  }

  /**
   * Parses a URI or a local path. A value without a scheme is a local path, made absolute against
   * the working directory.
   */
  public static Location parse(String value, String key) {
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException("Cannot use " + key + ": the value is empty. Give a path or URI.");
    }
    if (!trimmed.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      String absolute = Paths.get(trimmed).toAbsolutePath().normalize().toString();
      return new Location("file", null, stripTrailingSlash(absolute));
    }

    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          "Cannot use " + key + " '" + value + "': it is not a valid URI (" + e.getReason()
              + "). Percent-encode spaces and special characters, or give a local path.", e);
    }

    String path = uri.getPath();
    if (uri.isOpaque() || path == null) {
      throw new InvalidInputException(
          "Cannot use " + key + " '" + value + "': the URI has no path. Write it as scheme://authority/path,"
              + " for example s3a://bucket/prefix or file:///data.");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new InvalidInputException(
          "Cannot use " + key + " '" + value + "': a root URI must not have a query or fragment."
              + " Percent-encode '?' as %3F and '#' as %23 in folder names.");
    }

    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    String authority = uri.getAuthority();
    boolean needsBucket = switch (StoreKind.forScheme(scheme)) {
      case S3, GCS, ABFS, WASB -> true;
      default -> false;
    };
    if (needsBucket && (authority == null || authority.isEmpty())) {
      throw new InvalidInputException(
          "Cannot use " + key + " '" + value + "': the URI names no bucket, container or host."
              + " Write it as " + scheme + "://BUCKET/path.");
    }
    if (path.isEmpty()) {
      path = "/";
    }
    return new Location(scheme, authority, stripTrailingSlash(normalise(path)));
  }

  private static String normalise(String path) {
    String normalised = path.replaceAll("/{2,}", "/");
    if (normalised.contains("/../") || normalised.endsWith("/..") || normalised.contains("/./")) {
      throw new InvalidInputException(
          "Cannot use path '" + path + "': it contains '.' or '..' segments. Give the resolved path.");
    }
    return normalised;
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  public StoreKind kind() {
    return StoreKind.forScheme(scheme);
  }

  /** Returns the root as a URI, e.g. {@code s3a://bucket/prefix}. */
  public URI uri() {
    return buildUri(rootPath);
  }

  public Path path() {
    return new Path(uri());
  }

  /** Returns the Hadoop path of a file below this root. */
  public Path resolve(String relativePath) {
    if (relativePath.isEmpty()) {
      return path();
    }
    String base = rootPath.equals("/") ? "" : rootPath;
    return new Path(buildUri(base + "/" + relativePath));
  }

  /** Returns a location for a folder below this root. */
  public Location child(String relativePath) {
    String base = rootPath.equals("/") ? "" : rootPath;
    return new Location(scheme, authority, base + "/" + stripTrailingSlash(relativePath));
  }

  /**
   * Returns the path of {@code file} relative to this root, or null when the file is not below it.
   * Uses decoded paths, so the result is the file's real name.
   */
  public String relativize(Path file) {
    String filePath = file.toUri().getPath();
    String base = rootPath.equals("/") ? "/" : rootPath + "/";
    return filePath.startsWith(base) ? filePath.substring(base.length()) : null;
  }

  /** Returns whether this root and {@code other} are the same folder or one contains the other. */
  public boolean overlaps(Location other) {
    if (!scheme.equals(other.scheme) || !java.util.Objects.equals(authority, other.authority)) {
      return false;
    }
    return isWithin(rootPath, other.rootPath) || isWithin(other.rootPath, rootPath);
  }

  public boolean sameStore(Location other) {
    return scheme.equals(other.scheme) && java.util.Objects.equals(authority, other.authority);
  }

  private static boolean isWithin(String inner, String outer) {
    return inner.equals(outer) || outer.equals("/") || inner.startsWith(outer + "/");
  }

  private URI buildUri(String path) {
    try {
      return new URI(scheme, authority, path, null, null);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("Cannot build a URI for path '" + path + "': " + e.getReason(), e);
    }
  }

  @Override
  public String toString() {
    return uri().toString();
  }
}
