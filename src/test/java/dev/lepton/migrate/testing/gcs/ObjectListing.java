package dev.lepton.migrate.testing.gcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The {@code objects.list} algorithm: objects under a prefix in name order, names that contain the
 * delimiter after the prefix rolled up into {@code prefixes}, and pages of at most {@code
 * maxResults} entries, items and prefixes counted together.
 */
final class ObjectListing {
  /** The service never returns more than 1,000 entries in one page. */
  static final int MAX_PAGE_SIZE = 1000;

  private static final String OBJECT_TOKEN = "o:";
  private static final String PREFIX_TOKEN = "p:";

  record Query(
      String prefix,
      String delimiter,
      boolean includeTrailingDelimiter,
      int maxResults,
      String pageToken,
      String startOffset,
      String endOffset) {}

  record Page(List<GcsObject> items, List<String> prefixes, String nextPageToken) {}

  private ObjectListing() {}

  static Page list(NavigableMap<String, GcsObject> objects, Query query) {
    String prefix = query.prefix() == null ? "" : query.prefix();
    String delimiter = query.delimiter() == null || query.delimiter().isEmpty() ? null : query.delimiter();
    int limit = Math.min(Math.max(query.maxResults(), 1), MAX_PAGE_SIZE);

    String from = prefix;
    boolean fromInclusive = true;
    if (query.startOffset() != null && GcsObjectStore.NAME_ORDER.compare(query.startOffset(), from) > 0) {
      from = query.startOffset();
    }
    String skippedPrefix = null;
    if (query.pageToken() != null && !query.pageToken().isEmpty()) {
      String token = decodeToken(query.pageToken());
      if (token.startsWith(OBJECT_TOKEN)) {
        String lastName = token.substring(OBJECT_TOKEN.length());
        if (GcsObjectStore.NAME_ORDER.compare(lastName, from) >= 0) {
          from = lastName;
          fromInclusive = false;
        }
      } else {
        skippedPrefix = token.substring(PREFIX_TOKEN.length());
        if (GcsObjectStore.NAME_ORDER.compare(skippedPrefix, from) > 0) {
          from = skippedPrefix;
        }
      }
    }

    List<GcsObject> items = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String lastToken = null;
    boolean more = false;
    for (Map.Entry<String, GcsObject> entry : objects.tailMap(from, fromInclusive).entrySet()) {
      String name = entry.getKey();
      if (!name.startsWith(prefix) || isAtOrAfterEnd(name, query.endOffset())) {
        break;
      }
      if (skippedPrefix != null && name.startsWith(skippedPrefix)) {
        continue;
      }
      if (items.size() + prefixes.size() >= limit) {
        more = true;
        break;
      }
      int delimiterAt = delimiter == null ? -1 : name.indexOf(delimiter, prefix.length());
      if (delimiterAt < 0) {
        items.add(entry.getValue());
        lastToken = OBJECT_TOKEN + name;
        continue;
      }
      String rolledUp = name.substring(0, delimiterAt + delimiter.length());
      prefixes.add(rolledUp);
      if (query.includeTrailingDelimiter() && name.equals(rolledUp)) {
        // The object named exactly like the prefix sorts first among the names it rolls up.
        items.add(entry.getValue());
      }
      skippedPrefix = rolledUp;
      lastToken = PREFIX_TOKEN + rolledUp;
    }
    return new Page(items, prefixes, more ? encodeToken(lastToken) : null);
  }

  private static boolean isAtOrAfterEnd(String name, String endOffset) {
    return endOffset != null && !endOffset.isEmpty() && GcsObjectStore.NAME_ORDER.compare(name, endOffset) >= 0;
  }

  private static String encodeToken(String token) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String pageToken) {
    String token;
    try {
      token = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw GcsApiException.invalid("Invalid page token: " + pageToken);
    }
    if (!token.startsWith(OBJECT_TOKEN) && !token.startsWith(PREFIX_TOKEN)) {
      throw GcsApiException.invalid("Invalid page token: " + pageToken);
    }
    return token;
  }
}
