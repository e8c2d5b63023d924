package dev.lepton.migrate.plan;

import java.util.regex.Pattern;

/**
 * Glob patterns on relative paths. {@code *} and {@code ?} stay within one folder level, {@code **}
 * crosses levels, {@code {a,b}} is an alternative and {@code [abc]} a character class. A pattern
 * without '/' matches the file name at any depth, as in .gitignore files; a folder pattern such as
 * {@code logs/**} matches everything below that folder.
 */
final class Globs {
  private Globs() {}

  static Pattern toPattern(String glob) {
    boolean nameOnly = !glob.contains("/");
    StringBuilder regex = new StringBuilder(nameOnly ? "(?:.*/)?" : "");
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            regex.append(slashFollows ? "(?:.*/)?" : ".*");
            i += slashFollows ? 2 : 1;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '{' -> {
          braces++;
          regex.append("(?:");
        }
        case '}' -> {
          braces--;
          regex.append(')');
        }
        case ',' -> regex.append(braces > 0 ? "|" : ",");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            regex.append("\\[");
          } else {
            String body = glob.substring(i + 1, end).replace("\\", "\\\\");
            regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
            i = end;
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces != 0) {
      throw new IllegalArgumentException("unbalanced braces in glob " + glob);
    }
    return Pattern.compile(regex.toString());
  }

  static boolean matches(Pattern pattern, String relativePath) {
    return pattern.matcher(relativePath).matches();
  }
}
