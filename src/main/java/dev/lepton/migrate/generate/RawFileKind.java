package dev.lepton.migrate.generate;

/** The content of a raw sample file. */
enum RawFileKind {
  /** Comma-separated text with a header line, UTF-8. */
  CSV("csv"),
  /** One JSON object per line, UTF-8. */
  JSON_LINES("json"),
  /** Pseudo-random bytes. */
  BINARY("bin");

  private final String extension;

  RawFileKind(String extension) {
    this.extension = extension;
  }

  String extension() {
    return extension;
  }
}
