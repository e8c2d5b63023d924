package dev.lepton.migrate.testing.gcs;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rewrites in progress, by the {@code rewriteToken} that the last response returned. A token
 * is good for one call: the next call gets a new token, so a stale or replayed token is rejected.
 */
final class RewriteTokens {
  private final Map<String, Progress> byToken = new ConcurrentHashMap<>();

  /**
   * The state of one rewrite. The source generation is pinned by the first call, as the service
   * does, so a source replaced between calls is no longer found.
   */
  record Progress(
      String sourceBucket,
      String sourceObject,
      long sourceGeneration,
      String destinationBucket,
      String destinationObject,
      long bytesRewritten,
      long objectSize) {

    static Progress start(GcsRoute route, GcsObject source) {
      return new Progress(route.bucket(), route.object(), source.generation(), route.destinationBucket(),
          route.destinationObject(), 0, source.size());
    }

    Progress advance(long bytes) {
      return new Progress(sourceBucket, sourceObject, sourceGeneration, destinationBucket, destinationObject,
          Math.min(objectSize, bytesRewritten + bytes), objectSize);
    }

    long remaining() {
      return objectSize - bytesRewritten;
    }

    private boolean matches(GcsRoute route) {
      return sourceBucket.equals(route.bucket()) && sourceObject.equals(route.object())
          && destinationBucket.equals(route.destinationBucket()) && destinationObject.equals(route.destinationObject());
    }
  }

  /** Stores the progress under a new token and returns the token. */
  String issue(Progress progress) {
    String token = UUID.randomUUID().toString();
    byToken.put(token, progress);
    return token;
  }

  /**
   * Removes and returns the progress of a token. Throws the service's 400 for a token that is
   * unknown, already used, or issued for another source or destination.
   */
  Progress take(String token, GcsRoute route) {
    Progress progress = byToken.remove(token);
    if (progress == null) {
      throw GcsApiException.invalid("Invalid rewriteToken: " + token + " is unknown or was already used");
    }
    if (!progress.matches(route)) {
      throw GcsApiException.invalid("Invalid rewriteToken: " + token + " belongs to a rewrite of "
          + progress.sourceBucket() + "/" + progress.sourceObject() + " to " + progress.destinationBucket() + "/"
          + progress.destinationObject());
    }
    return progress;
  }
}
