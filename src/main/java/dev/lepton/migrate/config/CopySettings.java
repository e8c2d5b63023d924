package dev.lepton.migrate.config;

import dev.lepton.migrate.copy.ChecksumAlgorithm;
import dev.lepton.migrate.copy.ConflictPolicy;
import dev.lepton.migrate.copy.VerifyMode;
import dev.lepton.migrate.plan.Renames;
import java.io.Serializable;
import java.time.Duration;

/** Settings of {@code migration.copy}. Serializable because copy tasks carry them to executors. */
public record CopySettings(
    ChecksumAlgorithm checksum,
    VerifyMode verify,
    int bufferSize,
    int maxAttempts,
    Duration retryBackoff,
    boolean preserveModificationTime,
    ConflictPolicy onConflict,
    boolean storeChecksums,
    boolean serverSideCopy,
    Renames rename)
    implements Serializable {
  public CopySettings {
    if (bufferSize < 4096) {
      throw new IllegalArgumentException("buffer size below 4 KiB: " + bufferSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts below 1: " + maxAttempts);
    }
  }
}
