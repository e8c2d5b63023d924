package dev.lepton.migrate.deltalog;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The storage location of the deleted rows of one data file.
 *
 * @param storageType {@code u} for a file next to the data whose name is derived from a UUID,
 *     {@code p} for a file at an absolute path, {@code i} for a bitmap inline in the log
 * @param pathOrInlineDv for {@code u} an optional random prefix followed by the Z85-encoded UUID
 *     (20 characters); for {@code p} the URL-encoded absolute path; for {@code i} the Z85-encoded
 *     bitmap
 * @param offset where the vector starts in its file, absent for inline vectors
 * @param sizeInBytes the serialized vector's length in bytes
 * @param cardinality the number of deleted rows
 */
public record DeletionVectorDescriptor(
    String storageType, String pathOrInlineDv, OptionalInt offset, int sizeInBytes, long cardinality) {

  static final String RELATIVE = "u";
  static final String ABSOLUTE = "p";
  static final String INLINE = "i";
  private static final int ENCODED_UUID_LENGTH = 20;

  public DeletionVectorDescriptor {
    if (!RELATIVE.equals(storageType)
        && !ABSOLUTE.equals(storageType)
        && !INLINE.equals(storageType)) {
      throw new IllegalArgumentException(
          "deletion vector has unknown storageType '" + storageType + "', expected u, p or i");
    }
    if (pathOrInlineDv == null || pathOrInlineDv.isEmpty()) {
      throw new IllegalArgumentException("deletion vector has no pathOrInlineDv");
    }
    if (RELATIVE.equals(storageType) && pathOrInlineDv.length() < ENCODED_UUID_LENGTH) {
      throw new IllegalArgumentException(
          "deletion vector pathOrInlineDv '" + pathOrInlineDv + "' is shorter than a Z85 UUID");
    }
    offset = offset == null ? OptionalInt.empty() : offset;
    if (sizeInBytes < 0 || cardinality < 0) {
      throw new IllegalArgumentException("deletion vector has a negative size or cardinality");
    }
  }

  /**
   * Returns the id that, together with the data file's path, identifies a logical file during log
   * replay: the storage type and path, plus {@code @offset} when an offset is present.
   */
  public String uniqueId() {
    String id = storageType + pathOrInlineDv;
    return offset.isPresent() ? id + "@" + offset.getAsInt() : id;
  }

  /**
   * Returns the path of the file holding the vector, in the same URL-encoded form as the path of
   * an add action: relative to the table root for {@code u}, absolute for {@code p}, and empty for
   * inline vectors, which need no file.
   */
  public Optional<String> filePath() {
    if (INLINE.equals(storageType)) {
      return Optional.empty();
    }
    if (ABSOLUTE.equals(storageType)) {
      return Optional.of(pathOrInlineDv);
    }
    int prefixLength = pathOrInlineDv.length() - ENCODED_UUID_LENGTH;
    String prefix = pathOrInlineDv.substring(0, prefixLength);
    String uuid = Z85.decodeUuid(pathOrInlineDv.substring(prefixLength)).toString();
    String name = "deletion_vector_" + uuid + ".bin";
    return Optional.of(prefix.isEmpty() ? name : prefix + "/" + name);
  }
}
