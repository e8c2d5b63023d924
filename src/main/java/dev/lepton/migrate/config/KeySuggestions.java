package dev.lepton.migrate.config;

import java.util.List;
import java.util.Optional;

/** Finds the declared key closest to a misspelt one, for "did you mean" hints. */
final class KeySuggestions {
  private KeySuggestions() {}

  static Optional<String> closest(String unknown, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = editDistance(unknown, candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    // More than a few edits away is a different key, not a typo.
    int leaf = unknown.length() - unknown.lastIndexOf('.') - 1;
    return bestDistance <= Math.max(2, leaf / 3) ? Optional.ofNullable(best) : Optional.empty();
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
