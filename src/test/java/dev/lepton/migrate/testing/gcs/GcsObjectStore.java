package dev.lepton.migrate.testing.gcs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * Buckets and the live generation of each object. Metadata stays in memory, and bodies are files
 * under {@code root/blobs}, written before they are committed, so a reader always sees a whole object.
 * Every change happens under this object's lock, which makes precondition checks and commits
 * atomic, as they are in the service.
 */
final class GcsObjectStore {
  /** Object names sort by Unicode code point, which is the byte order of their UTF-8 form. */
  static final Comparator<String> NAME_ORDER = GcsObjectStore::compareCodePoints;

  private final Path blobDir;
  private final Map<String, GcsBucket> buckets = new LinkedHashMap<>();
  private final Map<String, NavigableMap<String, GcsObject>> objects = new LinkedHashMap<>();
  private long lastGeneration;

  record GcsBucket(String name, Instant created) {}

  /** An object's metadata with an open channel on its body, valid even if it is then replaced. */
  record OpenedObject(GcsObject object, FileChannel channel) {}

  GcsObjectStore(Path root) throws IOException {
    this.blobDir = Files.createDirectories(root.resolve("blobs"));
  }

  /** Returns a fresh file name under the store's root for a body being received. */
  Path newBlobPath() {
    return blobDir.resolve(UUID.randomUUID().toString());
  }

  synchronized GcsBucket createBucket(String name) {
    if (buckets.containsKey(name)) {
      throw new GcsApiException(409, "conflict", "The bucket already exists: " + name);
    }
    GcsBucket bucket = new GcsBucket(name, now());
    buckets.put(name, bucket);
    objects.put(name, new ConcurrentSkipListMap<>(NAME_ORDER));
    return bucket;
  }

  synchronized GcsBucket bucket(String name) {
    GcsBucket bucket = buckets.get(name);
    if (bucket == null) {
      throw GcsApiException.bucketNotFound(name);
    }
    return bucket;
  }

  synchronized void deleteBucket(String name) {
    bucket(name);
    if (!objects.get(name).isEmpty()) {
      throw new GcsApiException(409, "conflict", "The bucket is not empty: " + name);
    }
    buckets.remove(name);
    objects.remove(name);
  }

  /** Returns the objects of a bucket in name order; listing reads it without the lock. */
  synchronized NavigableMap<String, GcsObject> objects(String bucket) {
    bucket(bucket);
    return objects.get(bucket);
  }

  /** Returns the live object, checking a requested generation and the preconditions. */
  synchronized GcsObject get(String bucket, String name, Long generation, Preconditions pre) {
    GcsObject current = objects(bucket).get(name);
    if (current == null || (generation != null && generation != current.generation())) {
      throw GcsApiException.objectNotFound(bucket, name);
    }
    pre.check(current);
    return current;
  }

  synchronized OpenedObject open(String bucket, String name, Long generation, Preconditions pre) {
    GcsObject object = get(bucket, name, generation, pre);
    try {
      return new OpenedObject(object, FileChannel.open(object.blob(), StandardOpenOption.READ));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the body of " + bucket + "/" + name, e);
    }
  }

  /**
   * Makes {@code blob} the body of a new generation of the object if the preconditions hold, and
   * deletes the replaced body. When a precondition fails, the blob is deleted instead.
   */
  synchronized GcsObject commit(
      String bucket,
      String name,
      Path blob,
      BlobDigest digest,
      Integer componentCount,
      ObjectAttributes attributes,
      Preconditions pre) {
    NavigableMap<String, GcsObject> bucketObjects;
    try {
      bucketObjects = objects(bucket);
      pre.check(bucketObjects.get(name));
    } catch (GcsApiException e) {
      deleteQuietly(blob);
      throw e;
    }
    Instant now = now();
    GcsObject created =
        new GcsObject(
            bucket, name, nextGeneration(now), 1, digest.size(), digest.crc32c(),
            digest.md5(), componentCount, now, now, attributes, blob);
    GcsObject replaced = bucketObjects.put(name, created);
    if (replaced != null) {
      deleteQuietly(replaced.blob());
    }
    return created;
  }

  /** Changes the attributes of the live object, raising its metageneration. */
  synchronized GcsObject update(
      String bucket, String name, Preconditions pre, UnaryOperator<ObjectAttributes> change) {
    GcsObject current = get(bucket, name, null, pre);
    GcsObject updated = current.withAttributes(change.apply(current.attributes()), now());
    objects.get(bucket).put(name, updated);
    return updated;
  }

  synchronized void delete(String bucket, String name, Long generation, Preconditions pre) {
    GcsObject current = get(bucket, name, generation, pre);
    objects.get(bucket).remove(name);
    deleteQuietly(current.blob());
  }

  private long nextGeneration(Instant now) {
    // The service uses microsecond timestamps as generations, and they must strictly increase.
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    lastGeneration = Math.max(lastGeneration + 1, micros);
    return lastGeneration;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (NoSuchFileException e) {
      // Already gone.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }

  private static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }
}
