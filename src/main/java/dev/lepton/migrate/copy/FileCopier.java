package dev.lepton.migrate.copy;

import dev.lepton.migrate.VerificationMismatchException;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.report.ManifestRow;
import dev.lepton.migrate.store.CreateIfAbsent;
import dev.lepton.migrate.store.StoreChecksum;
import dev.lepton.migrate.store.StoreChecksums;
import dev.lepton.migrate.store.StoreKind;
import dev.lepton.migrate.store.TargetCommitter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Copies single files and returns their manifest rows. The source is read once, through one buffer
 * of the configured size, and its checksum computed on the bytes read. On stores that commit by
 * rename the bytes go to a staging name first, so a file appears under its final name only when it
 * is whole and checked. On S3 and GCS the object is written directly, because the store
 * publishes it only when the upload completes.
 *
 * <p>A failure never throws: it becomes a row with status {@code failed} and the reason, after the
 * configured number of attempts for errors that may pass (I/O errors and checksum mismatches).
 */
public final class FileCopier {
  private final CopyContext context;
  private final FileSystem sourceFs;
  private final FileSystem targetFs;
  private final TargetCommitter committer;
  private final Retry retry;
  private final byte[] buffer;
  private final ProgressSink progress;
  private boolean stagingCreated;
  // Typed by the interface, so this class loads where the AWS SDK is absent.
  private ServerSideCopy serverSideCopy;
  private boolean serverSideResolved;

  public FileCopier(CopyContext context, FileSystem sourceFs, FileSystem targetFs, ProgressSink progress) {
    this.context = context;
    this.sourceFs = sourceFs;
    this.targetFs = targetFs;
    this.committer = new TargetCommitter(targetFs);
    this.retry = new Retry(context.settings().maxAttempts(), context.settings().retryBackoff());
    this.buffer = new byte[context.settings().bufferSize()];
    this.progress = progress;
  }

  /**
   * Copies or adopts one planned file.
   *
   * @param mode {@link TargetCommitter.Mode#CREATE_IF_ABSENT} for files that must never be replaced,
   *     such as Delta commits; an existing equal file is then adopted and a different one is a conflict
   */
  public ManifestRow copy(PlannedFile file, TargetCommitter.Mode mode) {
    long started = System.nanoTime();
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        Outcome outcome = attempt(file, mode);
        return row(file, outcome, attempts, started);
      } catch (FileNotFoundException e) {
        return failure(file, "source file not found: " + e.getMessage(), attempts, started);
      } catch (AccessControlException e) {
        return failure(file, "access denied: " + e.getMessage(), attempts, started);
      } catch (IOException | VerificationMismatchException e) {
        if (e instanceof InterruptedIOException || !retry.mayRetry(attempts)) {
          return failure(file, describe(e), attempts, started);
        }
        try {
          retry.pause(attempts);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return failure(file, "interrupted after: " + describe(e), attempts, started);
        }
      }
    }
  }

  private record Outcome(
      String status, String sourceChecksum, String targetChecksum, String verifyLevel, long bytesCopied,
      String reason, String storeChecks) {
    Outcome(String status, String sourceChecksum, String targetChecksum, String verifyLevel, long bytesCopied,
        String reason) {
      this(status, sourceChecksum, targetChecksum, verifyLevel, bytesCopied, reason, null);
    }
  }

  private Outcome attempt(PlannedFile file, TargetCommitter.Mode mode) throws IOException {
    Path finalPath = context.target().resolve(file.relativePath());
    if (file.action() == FileAction.RECHECK) {
      Outcome unchanged = unchangedContent(file);
      if (unchanged != null) {
        return unchanged;
      }
    }
    boolean checkExisting = file.action() == FileAction.ADOPT || mode == TargetCommitter.Mode.CREATE_IF_ABSENT;
    if (checkExisting) {
      FileStatus existing = statusOrNull(finalPath);
      if (existing != null) {
        return compareWithExisting(file, mode, finalPath, existing);
      }
    }
    return write(file, mode, finalPath);
  }

  /**
   * Returns a skipped outcome when the source's checksum still equals the one the manifest
   * recorded for it, or null when the file must be copied.
   */
  private Outcome unchangedContent(PlannedFile file) throws IOException {
    ManifestState previous = file.previous();
    if (!context.settings().checksum().configName().equals(previous.checksumAlgorithm())) {
      return null;
    }
    String sourceSum = checksumOf(sourceFs, context.source().resolve(file.relativePath()), progress);
    if (!sourceSum.equals(previous.sourceChecksum())) {
      return null;
    }
    return new Outcome(ManifestRow.SKIPPED, sourceSum, previous.targetChecksum(), previous.verifyLevel(), 0,
        "source modification time or etag changed, its " + previous.checksumAlgorithm() + " checksum did not");
  }

  /** Adopts an existing target file equal to the source, else decides between overwrite and conflict. */
  private Outcome compareWithExisting(
      PlannedFile file, TargetCommitter.Mode mode, Path finalPath, FileStatus existing) throws IOException {
    String algorithm = context.settings().checksum().configName();
    if (existing.getLen() == file.source().size()) {
      String sourceSum = checksumOf(sourceFs, context.source().resolve(file.source().sourcePath()), ProgressSink.NONE);
      String targetSum = checksumOf(targetFs, finalPath, ProgressSink.NONE);
      if (sourceSum.equals(targetSum)) {
        return new Outcome(ManifestRow.ADOPTED, sourceSum, targetSum, "checksum", 0,
            "target file already held the same bytes (" + algorithm + ")");
      }
    }
    boolean mayReplace = mode == TargetCommitter.Mode.REPLACE
        && (file.targetIsOurs() || context.settings().onConflict() == ConflictPolicy.OVERWRITE);
    if (mayReplace) {
      return write(file, mode, finalPath);
    }
    return new Outcome(ManifestRow.CONFLICT, null, null, "none", 0,
        "target file differs from the source (" + existing.getLen() + " bytes, source "
            + file.source().size() + ") and was not written by this job");
  }

  private Outcome write(PlannedFile file, TargetCommitter.Mode mode, Path finalPath) throws IOException {
    boolean exclusive = mode == TargetCommitter.Mode.CREATE_IF_ABSENT;
    if (exclusive && committer.createIfAbsent() instanceof CreateIfAbsent.Direct direct) {
      return writeExclusively(file, direct, finalPath);
    }
    Path sourcePath = context.source().resolve(file.source().sourcePath());
    if (mode == TargetCommitter.Mode.REPLACE && serverSide() != null && serverSide().accepts(file.source())) {
      return copyServerSide(file, sourcePath, finalPath);
    }
    // A create-if-absent write on a store without a conditional direct write publishes a staged file.
    boolean staged = exclusive || context.target().kind().commitStyle() == StoreKind.CommitStyle.STAGE_AND_RENAME;
    Path writePath = staged ? context.staging().resolve(UUID.randomUUID().toString()) : finalPath;
    if (staged && !stagingCreated) {
      // WASB cannot create a file none of whose parent folders exists yet.
      targetFs.mkdirs(context.staging().path());
      stagingCreated = true;
    }
    boolean overwriteDirect = !staged && mode == TargetCommitter.Mode.REPLACE;

    Digests digests = Digests.forCopy(context);
    long copied;
    try (InputStream in = sourceFs.open(sourcePath, buffer.length);
        OutputStream out = targetFs.create(writePath, overwriteDirect, buffer.length)) {
      copied = StreamCopy.transfer(in, out, buffer, digests, progress);
    } catch (FileAlreadyExistsException e) {
      return compareWithExisting(file, mode, finalPath, targetFs.getFileStatus(finalPath));
    }
    String sourceSum = digests.primaryHex();
    boolean committed = false;
    try {
      if (copied != file.source().size()) {
        throw new VerificationMismatchException(
            "Source file " + file.relativePath() + " changed while it was copied", file.source().size() + " bytes",
            copied + " bytes");
      }
      List<String> storeChecks = new ArrayList<>();
      compareStoreChecksum("source", sourceFs, sourcePath, context.source().kind(), digests, storeChecks);
      String targetSum = verify(writePath, copied, sourceSum);
      // Set on the staged file, the time travels with the rename or link and readers never see
      // the file with the time of the copy.
      preserveModificationTime(writePath, file.source().modificationTime());
      if (staged) {
        try {
          committer.commit(writePath, finalPath, mode);
        } catch (FileAlreadyExistsException e) {
          targetFs.delete(writePath, false);
          return compareWithExisting(file, mode, finalPath, targetFs.getFileStatus(finalPath));
        }
      }
      committed = true;
      compareStoreChecksum("target", targetFs, finalPath, context.target().kind(), digests, storeChecks);
      String level = context.settings().verify().name().toLowerCase(java.util.Locale.ROOT);
      return new Outcome(ManifestRow.COPIED, sourceSum, targetSum, level, copied, file.reason(),
          storeChecks.isEmpty() ? null : String.join("; ", storeChecks));
    } catch (IOException | RuntimeException e) {
      // A write that failed a check must not stay under its final name; a staging file never has.
      discardAfterFailure(committed ? finalPath : writePath);
      throw e;
    }
  }

  private ServerSideCopy serverSide() {
    if (!serverSideResolved) {
      serverSideCopy = context.settings().serverSideCopy() ? serverSideCopyBetweenStores() : null;
      serverSideResolved = true;
    }
    return serverSideCopy;
  }

  // Each branch names its connector's class only when both ends are of that store, so this class
  // loads where the other connectors are absent.
  private ServerSideCopy serverSideCopyBetweenStores() {
    StoreKind source = context.source().kind();
    if (source != context.target().kind()) {
      return null;
    }
    return switch (source) {
      case S3 -> S3ServerSideCopy.between(sourceFs, targetFs);
      case GCS -> GcsServerSideCopy.between(sourceFs, targetFs);
      default -> null;
    };
  }

  /**
   * Copies inside the store, then reads the target once: its checksum must equal the one the store
   * holds for the source (an S3 etag that is an MD5, a GCS crc32c). The recorded checksum is
   * computed on the target bytes so proven equal.
   */
  private Outcome copyServerSide(PlannedFile file, Path sourcePath, Path finalPath) throws IOException {
    StoreChecksum.Available expected = serverSide().copy(sourcePath, finalPath, file.source());
    Digests digests = Digests.with(context.settings().checksum(), expected.algorithm());
    try (InputStream in = targetFs.open(finalPath, buffer.length)) {
      StreamCopy.transfer(in, null, buffer, digests, progress);
    }
    String actual = digests.hex(expected.algorithm());
    if (!actual.equals(expected.hex())) {
      discardAfterFailure(finalPath);
      throw new VerificationMismatchException("The " + expected.algorithm().configName() + " of " + finalPath
          + " after a server-side copy differs from the source's " + expected.source(), expected.hex(), actual);
    }
    String sum = digests.primaryHex();
    return new Outcome(ManifestRow.COPIED, sum, sum, "checksum", file.source().size(),
        "server-side copy: " + file.reason(), serverSide().checkDescription());
  }

  /**
   * Compares the checksum the store reports for a whole object with the one computed on the bytes,
   * where the two are comparable, and notes the outcome. A differing value throws, so the file is
   * copied again. A value that cannot be read is noted as unavailable and never counts as a match.
   */
  private void compareStoreChecksum(
      String side, FileSystem fs, Path path, StoreKind kind, Digests digests, List<String> notes) {
    if (!context.settings().storeChecksums()) {
      return;
    }
    StoreChecksum reported;
    try {
      reported = StoreChecksums.read(fs, path, kind);
    } catch (IOException | RuntimeException e) {
      notes.add(side + " store checksum unavailable: " + e.getClass().getSimpleName());
      return;
    }
    if (reported instanceof StoreChecksum.NotComparable none) {
      notes.add(side + " not comparable: " + none.reason());
      return;
    }
    StoreChecksum.Available available = (StoreChecksum.Available) reported;
    String computed = digests.hex(available.algorithm());
    if (computed == null) {
      notes.add(side + " not comparable: " + available.source() + " is " + available.algorithm().configName()
          + ", the copy computed " + context.settings().checksum().configName());
      return;
    }
    if (!computed.equals(available.hex())) {
      throw new VerificationMismatchException(
          "The " + side + " store's " + available.source() + " of " + path + " differs from the bytes read",
          computed, available.hex());
    }
    notes.add(side + " " + available.source() + " match");
  }

  /**
   * Writes the final name directly with the store's conditional create, the source pulled through a
   * checksumming stream, then checks the result as {@link #write} does.
   */
  private Outcome writeExclusively(PlannedFile file, CreateIfAbsent.Direct direct, Path finalPath)
      throws IOException {
    Path sourcePath = context.source().resolve(file.source().sourcePath());
    ChecksumAlgorithm.Digest digest = context.settings().checksum().newDigest();
    long copied;
    boolean sourceLonger;
    try (InputStream in = sourceFs.open(sourcePath, buffer.length)) {
      ChecksummingInputStream counted = new ChecksummingInputStream(in, digest, progress);
      direct.write(finalPath, counted, file.source().size(), buffer);
      counted.flushProgress();
      copied = counted.bytesRead();
      sourceLonger = in.read() >= 0;
    } catch (FileAlreadyExistsException e) {
      return compareWithExisting(file, TargetCommitter.Mode.CREATE_IF_ABSENT, finalPath,
          targetFs.getFileStatus(finalPath));
    }
    String sourceSum = digest.hex();
    try {
      if (copied != file.source().size() || sourceLonger) {
        throw new VerificationMismatchException(
            "Source file " + file.relativePath() + " changed while it was copied", file.source().size() + " bytes",
            (sourceLonger ? "more than " : "") + copied + " bytes");
      }
      String targetSum = verify(finalPath, copied, sourceSum);
      preserveModificationTime(finalPath, file.source().modificationTime());
      String level = context.settings().verify().name().toLowerCase(java.util.Locale.ROOT);
      return new Outcome(ManifestRow.COPIED, sourceSum, targetSum, level, copied, file.reason());
    } catch (IOException | RuntimeException e) {
      discardAfterFailure(finalPath);
      throw e;
    }
  }

  private String verify(Path written, long copied, String sourceSum) throws IOException {
    switch (context.settings().verify()) {
      case CHECKSUM -> {
        String targetSum = checksumOf(targetFs, written, ProgressSink.NONE);
        if (!targetSum.equals(sourceSum)) {
          throw new VerificationMismatchException(
              "Checksum of " + written + " differs after the write", sourceSum, targetSum);
        }
        return targetSum;
      }
      case SIZE -> {
        long length = targetFs.getFileStatus(written).getLen();
        if (length != copied) {
          throw new VerificationMismatchException(
              "Size of " + written + " differs after the write", copied + " bytes", length + " bytes");
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private void discardAfterFailure(Path path) {
    try {
      targetFs.delete(path, false);
    } catch (IOException ignored) {
      // The next attempt or run replaces it; a staging file is removed with the staging folder.
    }
  }

  private void preserveModificationTime(Path path, long modificationTime) {
    if (!context.settings().preserveModificationTime() || !context.target().kind().modificationTimeSettable()) {
      return;
    }
    try {
      targetFs.setTimes(path, modificationTime, -1);
    } catch (IOException | UnsupportedOperationException e) {
      // The copied bytes are valid without the time, so the file is not failed for it.
    }
  }

  private String checksumOf(FileSystem fs, Path path, ProgressSink sink) throws IOException {
    ChecksumAlgorithm.Digest digest = context.settings().checksum().newDigest();
    try (InputStream in = fs.open(path, buffer.length)) {
      StreamCopy.transfer(in, null, buffer, digest, sink);
    }
    return digest.hex();
  }

  private FileStatus statusOrNull(Path path) throws IOException {
    try {
      return targetFs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  private ManifestRow row(PlannedFile file, Outcome outcome, int attempts, long startedNanos) {
    return new ManifestRow(
        context.runId(),
        file.relativePath(),
        file.source().size(),
        file.source().modificationTime(),
        file.source().etag(),
        context.settings().checksum().configName(),
        outcome.sourceChecksum(),
        outcome.targetChecksum(),
        "none",
        outcome.status(),
        outcome.verifyLevel(),
        outcome.bytesCopied(),
        (System.nanoTime() - startedNanos) / 1_000_000,
        attempts,
        outcome.reason(),
        System.currentTimeMillis(),
        outcome.storeChecks());
  }

  private ManifestRow failure(PlannedFile file, String reason, int attempts, long startedNanos) {
    return row(file, new Outcome(ManifestRow.FAILED, null, null, "none", 0, reason), attempts, startedNanos);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
