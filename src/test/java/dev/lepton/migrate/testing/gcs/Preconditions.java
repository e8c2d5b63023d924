package dev.lepton.migrate.testing.gcs;

/**
 * The {@code ifGenerationMatch} family of query parameters. A null field is not checked, and an
 * {@code ifGenerationMatch} of 0 means that no live object may exist.
 */
record Preconditions(
    Long ifGenerationMatch,
    Long ifGenerationNotMatch,
    Long ifMetagenerationMatch,
    Long ifMetagenerationNotMatch) {

  static final Preconditions NONE = new Preconditions(null, null, null, null);

  static Preconditions of(GcsRequest request) {
    return fromParams(request, "");
  }

  /** Reads {@code ifSourceGenerationMatch} and its siblings, used by copy and rewrite. */
  static Preconditions ofSource(GcsRequest request) {
    return fromParams(request, "Source");
  }

  private static Preconditions fromParams(GcsRequest request, String infix) {
    return new Preconditions(
        request.longParam("if" + infix + "GenerationMatch"),
        request.longParam("if" + infix + "GenerationNotMatch"),
        request.longParam("if" + infix + "MetagenerationMatch"),
        request.longParam("if" + infix + "MetagenerationNotMatch"));
  }

  /** Checks the live object, or null when there is none; throws the service's 412 on failure. */
  void check(GcsObject current) {
    if (ifGenerationMatch != null) {
      long actual = current == null ? 0 : current.generation();
      if (actual != ifGenerationMatch) {
        throw GcsApiException.preconditionFailed(
            "ifGenerationMatch=" + ifGenerationMatch + ", live generation " + actual);
      }
    }
    if (ifGenerationNotMatch != null) {
      long actual = current == null ? 0 : current.generation();
      if (actual == ifGenerationNotMatch) {
        throw GcsApiException.preconditionFailed(
            "ifGenerationNotMatch=" + ifGenerationNotMatch + ", live generation " + actual);
      }
    }
    if (ifMetagenerationMatch != null
        && (current == null || current.metageneration() != ifMetagenerationMatch)) {
      throw GcsApiException.preconditionFailed(
          "ifMetagenerationMatch=" + ifMetagenerationMatch + ", live metageneration "
              + (current == null ? "none" : current.metageneration()));
    }
    if (ifMetagenerationNotMatch != null
        && current != null
        && current.metageneration() == ifMetagenerationNotMatch) {
      throw GcsApiException.preconditionFailed(
          "ifMetagenerationNotMatch=" + ifMetagenerationNotMatch + ", live metageneration "
              + current.metageneration());
    }
  }
}
