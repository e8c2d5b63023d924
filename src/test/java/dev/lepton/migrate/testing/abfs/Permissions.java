package dev.lepton.migrate.testing.abfs;

/**
 * POSIX permissions as the DFS endpoint takes them ({@code x-ms-permissions} in octal, {@code
 * x-ms-umask}) and returns them (symbolic, such as {@code rwxr-x---}).
 */
final class Permissions {
  static final String DEFAULT_DIRECTORY = "rwxr-x---";
  static final String DEFAULT_FILE = "rw-r-----";

  private static final String SYMBOLS = "rwxrwxrwx";

  private Permissions() {}

  /**
   * Returns the symbolic permissions for a new path. A requested mode, octal or symbolic, has the
   * umask applied. Without a requested mode the defaults apply.
   */
  static String effective(String requested, String umask, boolean directory) {
    if (requested == null) {
      return directory ? DEFAULT_DIRECTORY : DEFAULT_FILE;
    }
    int mode;
    if (requested.length() == 9 && !Character.isDigit(requested.charAt(0))) {
      mode = parseSymbolic(requested);
    } else {
      mode = parseOctal("x-ms-permissions", requested);
    }
    if (umask != null) {
      mode &= ~parseOctal("x-ms-umask", umask);
    }
    return toSymbolic(mode & 0777);
  }

  /** Returns the access ACL that goes with plain permissions. */
  static String acl(String symbolic) {
    return "user::" + symbolic.substring(0, 3) + ",group::" + symbolic.substring(3, 6) + ",other::"
        + symbolic.substring(6, 9);
  }

  private static int parseOctal(String header, String value) {
    try {
      int mode = Integer.parseInt(value, 8);
      if (mode < 0 || mode > 07777) {
        throw DfsException.invalidHeader(header, value);
      }
      return mode;
    } catch (NumberFormatException e) {
      throw DfsException.invalidHeader(header, value);
    }
  }

  private static int parseSymbolic(String value) {
    int mode = 0;
    for (int i = 0; i < 9; i++) {
      char c = value.charAt(i);
      if (c == SYMBOLS.charAt(i)) {
        mode |= 1 << (8 - i);
      } else if (c != '-') {
        throw DfsException.invalidHeader("x-ms-permissions", value);
      }
    }
    return mode;
  }

  private static String toSymbolic(int mode) {
    StringBuilder symbolic = new StringBuilder(9);
    for (int i = 0; i < 9; i++) {
      symbolic.append((mode & (1 << (8 - i))) != 0 ? SYMBOLS.charAt(i) : '-');
    }
    return symbolic.toString();
  }
}
