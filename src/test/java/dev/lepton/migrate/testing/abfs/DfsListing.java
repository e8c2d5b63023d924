package dev.lepton.migrate.testing.abfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * List Paths: the children of a directory, or its whole subtree when recursive, in path order, in
 * pages of at most {@code maxResults} with {@code x-ms-continuation} between them. Listing a file
 * returns the file itself.
 */
final class DfsListing {
  /** The service returns at most 5,000 paths per page. */
  static final int MAX_RESULTS = 5000;

  private final DfsNamespace namespace;

  /** One listed path with the values its JSON entry needs, copied under the namespace lock. */
  record Item(String path, DfsEntryView view) {}

  record Page(List<Item> items, String continuation) {}

  DfsListing(DfsNamespace namespace) {
    this.namespace = namespace;
  }

  Page list(String filesystem, String directory, boolean recursive, int maxResults, String continuation) {
    int limit = maxResults <= 0 ? MAX_RESULTS : Math.min(maxResults, MAX_RESULTS);
    synchronized (namespace) {
      DfsNamespace.Filesystem fs = namespace.filesystem(filesystem);
      DfsEntry start = fs.entries.get(directory);
      if (start == null) {
        throw DfsException.pathNotFound(directory);
      }
      if (!start.directory) {
        return new Page(List.of(new Item(directory, DfsEntryView.of(start))), null);
      }
      String prefix = directory.isEmpty() ? "" : directory + "/";
      String after = continuation == null ? prefix : decodeToken(continuation, prefix);
      boolean inclusive = continuation == null;
      List<Item> items = new ArrayList<>();
      for (Map.Entry<String, DfsEntry> entry : fs.entries.tailMap(after, inclusive).entrySet()) {
        String path = entry.getKey();
        if (!path.startsWith(prefix)) {
          break;
        }
        if (path.isEmpty() || (!recursive && path.indexOf('/', prefix.length()) >= 0)) {
          continue;
        }
        if (items.size() == limit) {
          return new Page(items, encodeToken(items.get(items.size() - 1).path()));
        }
        items.add(new Item(path, DfsEntryView.of(entry.getValue())));
      }
      return new Page(items, null);
    }
  }

  private static String encodeToken(String lastPath) {
    return Base64.getEncoder().encodeToString(lastPath.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String continuation, String prefix) {
    String lastPath;
    try {
      lastPath = new String(Base64.getDecoder().decode(continuation), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw DfsException.invalidQuery("continuation", continuation);
    }
    if (!lastPath.startsWith(prefix)) {
      throw DfsException.invalidQuery("continuation", continuation);
    }
    return lastPath;
  }
}
