package dev.lepton.migrate.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Creates a file under a name only when no file has that name yet, and makes it visible only when
 * it is whole. Delta commits rely on this: two writers of one version must not both succeed, and a
 * reader must never see half a commit. Each store gives this guarantee in its own way:
 *
 * <ul>
 *   <li>local files: the bytes go to a staging file, which is then hard-linked to the final name;
 *       {@code link(2)} fails atomically when the name exists.
 *   <li>HDFS: staging file, then a rename without overwrite through {@code FileContext}; the
 *       NameNode checks and renames in one step.
 *   <li>ABFS and WASB: staging file, then the connector's rename, which sends {@code If-None-Match:
 *       *} for the destination, so the store rejects it when the name exists.
 *   <li>GCS: the object is written directly with {@code ifGenerationMatch=0}, which the connector
 *       sends for a create without overwrite; the object appears when its upload completes.
 *   <li>S3: a conditional put ({@code If-None-Match: *}) through the AWS SDK with the S3A
 *       connector's client settings; the object appears when its upload completes.
 * </ul>
 *
 * Every strategy raises {@link FileAlreadyExistsException} when the name is taken. Other stores
 * fall back to a rename after an existence check, which two concurrent writers can both pass.
 */
public sealed interface CreateIfAbsent permits CreateIfAbsent.Staged, CreateIfAbsent.Direct {

  /** A strategy that publishes a whole, checked staging file under its final name. */
  non-sealed interface Staged extends CreateIfAbsent {
    /**
     * Publishes {@code staged} as {@code target}, creating the target's parent folders. The
     * staging file is gone afterwards, except when the target exists.
     *
     * @throws FileAlreadyExistsException when a file named {@code target} exists; the staging file
     *     is left for the caller to delete
     */
    void publish(Path staged, Path target) throws IOException;
  }

  /** A strategy that writes the final name directly, because the store publishes on completion. */
  non-sealed interface Direct extends CreateIfAbsent {
    /**
     * Writes exactly {@code length} bytes of {@code content} to {@code target}, streaming through
     * {@code buffer} or through buffers bounded by the connector's part size.
     *
     * @throws FileAlreadyExistsException when a file named {@code target} exists; nothing was
     *     written then
     */
    void write(Path target, InputStream content, long length, byte[] buffer) throws IOException;
  }

  /** Returns the strategy for the store of {@code fs}. */
  static CreateIfAbsent forStore(FileSystem fs) {
    StoreKind kind = StoreKind.forScheme(fs.getUri().getScheme());
    return switch (kind) {
      case LOCAL -> new HardLinkPublish(fs);
      case HDFS -> new RenamePublish(fs, RenamePublish.Guarantee.FILE_CONTEXT_RENAME);
      case ABFS, WASB -> new RenamePublish(fs, RenamePublish.Guarantee.IF_NONE_MATCH_RENAME);
      case GCS -> new GenerationMatchCreate(fs);
      case S3 -> new S3ConditionalPut(fs);
      case OTHER -> new RenamePublish(fs, RenamePublish.Guarantee.CHECK_THEN_RENAME);
    };
  }

  /**
   * Writes a small file, such as a lease, with create-if-absent semantics; staging strategies
   * stage it in {@code stagingFolder}.
   *
   * @throws FileAlreadyExistsException when {@code target} exists
   */
  static void writeBytes(FileSystem fs, Path target, byte[] bytes, Path stagingFolder)
      throws IOException {
    CreateIfAbsent strategy = forStore(fs);
    if (strategy instanceof Direct direct) {
      direct.write(target, new java.io.ByteArrayInputStream(bytes), bytes.length, new byte[8192]);
      return;
    }
    Path staged = new Path(stagingFolder, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    // WASB cannot create a file none of whose parent folders exists yet.
    fs.mkdirs(stagingFolder);
    try (OutputStream out = fs.create(staged, false)) {
      out.write(bytes);
    }
    try {
      ((Staged) strategy).publish(staged, target);
    } finally {
      fs.delete(staged, false);
    }
  }
}
