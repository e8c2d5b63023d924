package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvariantViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class LogSegmentTest {
  private static final Path TABLE = new Path("file:/data/table");

  @Test
  void acceptsContiguousCommitsAfterCheckpoint() {
    Checkpoint checkpoint = new Checkpoint(4, List.of(checkpointFile(4, 1, 1)));

    LogSegment segment =
        new LogSegment(TABLE, 4, 6, Optional.of(checkpoint), commits(5, 6), List.of(checkpoint),
            List.of());

    assertThat(segment.firstCommitVersion()).isEqualTo(5);
    assertThat(segment.commits()).extracting(LogFile::version).containsExactly(5L, 6L);
  }

  @Test
  void rejectsNonContiguousCommitVersions() {
    List<LogFile> commits = new ArrayList<>(commits(0, 4));
    commits.addAll(commits(8, 9));

    assertThatThrownBy(() -> rangeSegment(-1, 9, commits))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessage(
            "Cannot read Delta log of file:/data/table: commit versions 5 to 7 are missing after"
                + " version 4. Restore the missing commit files, or copy the table again from a"
                + " checkpoint written after version 7.");
  }

  @Test
  void rejectsMissingFirstCommitsWithoutCheckpoint() {
    assertThatThrownBy(() -> rangeSegment(-1, 5, commits(3, 5)))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageStartingWith(
            "Cannot read Delta log of file:/data/table at version 5: commit versions 0 to 2 are"
                + " missing");
  }

  @Test
  void rejectsMissingTrailingCommits() {
    assertThatThrownBy(() -> rangeSegment(2, 6, commits(3, 4)))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("commit versions 5 to 6 are missing after version 4");
  }

  @Test
  void rejectsBaseCheckpointAtAnotherVersion() {
    Checkpoint checkpoint = new Checkpoint(3, List.of(checkpointFile(3, 1, 1)));

    assertThatThrownBy(
            () -> new LogSegment(TABLE, 4, 5, Optional.of(checkpoint), commits(5, 5), List.of(),
                List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be at version 4, not 3");
  }

  @Test
  void checkpointRejectsMissingPart() {
    assertThatThrownBy(
            () -> new Checkpoint(4, List.of(checkpointFile(4, 1, 3), checkpointFile(4, 3, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Checkpoint at version 4 is incomplete: it has 2 of 3 parts");
  }

  @Test
  void listingSkipsIncompleteMultiPartCheckpoints() {
    List<String> incomplete = new ArrayList<>();
    List<LogFile> listing =
        List.of(
            checkpointFile(4, 1, 3),
            checkpointFile(4, 3, 3),
            checkpointFile(2, 1, 2),
            checkpointFile(2, 2, 2));

    List<Checkpoint> complete = Checkpoint.completeOnes(listing, incomplete);

    assertThat(complete).extracting(Checkpoint::version).containsExactly(2L);
    assertThat(incomplete).containsExactly("the checkpoint at version 4 misses part(s) [2] of 3");
  }

  private static LogSegment rangeSegment(long from, long to, List<LogFile> commits) {
    return new LogSegment(TABLE, from, to, Optional.empty(), commits, List.of(), List.of());
  }

  private static List<LogFile> commits(long first, long last) {
    List<LogFile> commits = new ArrayList<>();
    for (long v = first; v <= last; v++) {
      commits.add(
          new LogFile(new Path(TABLE, "_delta_log/" + LogFile.commitFileName(v)), 10,
              LogFile.Type.COMMIT, v, v, 1, 1));
    }
    return commits;
  }

  private static LogFile checkpointFile(long version, int part, int parts) {
    LogFile.Type type = parts == 1 ? LogFile.Type.CLASSIC_CHECKPOINT
        : LogFile.Type.MULTI_PART_CHECKPOINT;
    String name = String.format("%020d.checkpoint.%010d.%010d.parquet", version, part, parts);
    return new LogFile(new Path(TABLE, "_delta_log/" + name), 10, type, version, version, part,
        parts);
  }
}
