package dev.lepton.migrate.verify;

import dev.lepton.migrate.copy.ChecksumAlgorithm;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.store.Location;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;

/**
 * Checks target files against the manifest. A file the plan would copy again (new, changed at the
 * source, missing or resized on the target, failed earlier) is a mismatch without reading it. An
 * unchanged file is re-read in full and its checksum compared with the one recorded when the
 * source was read. A read that fails, or a row without a checksum, gives {@link CheckStatus#UNVERIFIED}.
 */
public final class FileVerifier {
  private final FileSystem targetFs;
  private final Location target;
  private final byte[] buffer;

  public FileVerifier(FileSystem targetFs, Location target, int bufferSize) {
    this.targetFs = targetFs;
    this.target = target;
    this.buffer = new byte[bufferSize];
  }

  public FileCheck check(PlannedFile file) {
    if (file.action() != FileAction.SKIP) {
      return notCurrent(file);
    }
    ManifestState recorded = file.previous();
    if (recorded.sourceChecksum() == null || recorded.checksumAlgorithm() == null) {
      return new FileCheck(file.relativePath(), CheckStatus.UNVERIFIED, null, null,
          "the manifest has no checksum for this file", false);
    }
    ChecksumAlgorithm algorithm;
    try {
      algorithm = ChecksumAlgorithm.valueOf(recorded.checksumAlgorithm().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return new FileCheck(file.relativePath(), CheckStatus.UNVERIFIED, null, null,
          "unknown checksum algorithm '" + recorded.checksumAlgorithm() + "' in the manifest", false);
    }
    String expected = recorded.sourceChecksum();
    try {
      String actual = checksum(algorithm, file.relativePath());
      if (actual.equals(expected)) {
        return new FileCheck(file.relativePath(), CheckStatus.MATCH, expected, actual, "checksum matches", false);
      }
      return new FileCheck(file.relativePath(), CheckStatus.MISMATCH, expected, actual,
          algorithm.configName() + " of the target differs from the source's", true);
    } catch (FileNotFoundException e) {
      return new FileCheck(file.relativePath(), CheckStatus.MISMATCH, expected, null, "target file is missing", true);
    } catch (IOException | RuntimeException e) {
      return new FileCheck(file.relativePath(), CheckStatus.UNVERIFIED, expected, null,
          "cannot read the target file: " + e.getMessage(), false);
    }
  }

  private FileCheck notCurrent(PlannedFile file) {
    boolean markMismatch = file.previous() != null
        && file.previous().isGoodCopy()
        && file.reason().startsWith("target");
    String reason = switch (file.action()) {
      case COPY, RECHECK -> "not copied in its current state: " + file.reason();
      case ADOPT -> "the target file was not written by this job: " + file.reason();
      case CONFLICT -> "the target file differs: " + file.reason();
      case SKIP -> throw new IllegalStateException("unchanged files are checked by content");
    };
    return new FileCheck(file.relativePath(), CheckStatus.MISMATCH, null, null, reason, markMismatch);
  }

  private String checksum(ChecksumAlgorithm algorithm, String relativePath) throws IOException {
    ChecksumAlgorithm.Digest digest = algorithm.newDigest();
    try (InputStream in = targetFs.open(target.resolve(relativePath), buffer.length)) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, read);
      }
    }
    return digest.hex();
  }
}
