package dev.lepton.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lepton.migrate.copy.ConflictPolicy;
import org.junit.jupiter.api.Test;

class DifferTest {
  private final Differ differ = new Differ(ConflictPolicy.FAIL);
  private final FileEntry source = new FileEntry("a/b.csv", 100, 1000, null);

  private static ManifestState state(String status, long size, long mtime) {
    return new ManifestState("a/b.csv", size, mtime, null, status, "crc32c", "0a0b0c0d", "0a0b0c0d", "checksum");
  }

  @Test
  void newFileIsCopied() {
    assertThat(differ.decide(source, null, null).action()).isEqualTo(FileAction.COPY);
  }

  @Test
  void unchangedVerifiedFileIsSkipped() {
    FileEntry target = new FileEntry("a/b.csv", 100, 5, null);
    assertThat(differ.decide(source, state("copied", 100, 1000), target).action()).isEqualTo(FileAction.SKIP);
  }

  @Test
  void changedSourceFailedOrMismatchedFileIsCopiedAgain() {
    FileEntry target = new FileEntry("a/b.csv", 100, 5, null);
    assertThat(differ.decide(source, state("copied", 100, 999), target).action()).isEqualTo(FileAction.COPY);
    assertThat(differ.decide(source, state("failed", 100, 1000), target).action()).isEqualTo(FileAction.COPY);
    assertThat(differ.decide(source, state("mismatch", -1, -1), target).action()).isEqualTo(FileAction.COPY);
    assertThat(differ.decide(source, state("copied", 100, 1000), null).action()).isEqualTo(FileAction.COPY);
  }

  @Test
  void unknownTargetFileIsAdoptedOrInConflict() {
    assertThat(differ.decide(source, null, new FileEntry("a/b.csv", 100, 1, null)).action())
        .isEqualTo(FileAction.ADOPT);
    PlannedFile conflict = differ.decide(source, null, new FileEntry("a/b.csv", 7, 1, null));
    assertThat(conflict.action()).isEqualTo(FileAction.CONFLICT);
    assertThat(conflict.reason()).contains("7 bytes").contains("100");
    assertThat(new Differ(ConflictPolicy.OVERWRITE).decide(source, null, new FileEntry("a/b.csv", 7, 1, null)).action())
        .isEqualTo(FileAction.COPY);
  }
}
