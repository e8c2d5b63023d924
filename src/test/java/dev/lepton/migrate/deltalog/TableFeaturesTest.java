package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableFeaturesTest {

  @ParameterizedTest
  @CsvSource({
    "2, 'appendOnly,invariants'",
    "4, 'appendOnly,changeDataFeed,checkConstraints,generatedColumns,invariants'",
    "6, 'appendOnly,changeDataFeed,checkConstraints,columnMapping,generatedColumns,identityColumns,invariants'"
  })
  void legacyWriterVersionsImplyFeatures(int writerVersion, String features) {
    Protocol protocol = new Protocol(1, writerVersion, Set.of(), Set.of());

    assertThat(TableFeatures.writerFeatures(protocol))
        .containsExactlyInAnyOrder(features.split(","));
  }

  @Test
  void readerVersionTwoImpliesColumnMapping() {
    assertThat(TableFeatures.readerFeatures(new Protocol(2, 5, Set.of(), Set.of())))
        .containsExactly("columnMapping");
  }

  @Test
  void knownFeaturesAreSupported() {
    Protocol protocol =
        new Protocol(3, 7, Set.of("deletionVectors", "v2Checkpoint"),
            Set.of("deletionVectors", "v2Checkpoint", "rowTracking", "domainMetadata"));

    assertThat(TableFeatures.unsupportedReaderFeatures(protocol)).isEmpty();
    assertThat(TableFeatures.unsupportedWriterFeatures(protocol)).isEmpty();
  }

  @Test
  void rejectsCatalogManagedAndUnknownFeatures() {
    Protocol protocol =
        new Protocol(3, 7, Set.of("catalogManaged", "deletionVectors"),
            Set.of("catalogManaged", "futureFeature"));
    Snapshot snapshot = snapshotWith(protocol);

    assertThat(TableFeatures.unsupportedWriterFeatures(protocol))
        .containsExactly("catalogManaged", "futureFeature");
    assertThatThrownBy(() -> TableFeatures.requireSupported(snapshot))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Cannot sync Delta table file:/data/t at version 0: it uses reader features"
                + " [catalogManaged] that this job does not support. Copy the table with a Delta"
                + " client that supports them.");
  }

  @Test
  void rejectsNewerProtocolVersions() {
    assertThatThrownBy(() -> TableFeatures.requireSupported(
            snapshotWith(new Protocol(4, 7, Set.of(), Set.of()))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reader protocol version [4]");
  }

  private static Snapshot snapshotWith(Protocol protocol) {
    Path table = new Path("file:/data/t");
    LogFile commit =
        new LogFile(new Path(table, "_delta_log/" + LogFile.commitFileName(0)), 1,
            LogFile.Type.COMMIT, 0, 0, 1, 1);
    LogSegment segment =
        new LogSegment(table, -1, 0, Optional.empty(), List.of(commit), List.of(), List.of());
    return new Snapshot(segment, protocol, new Metadata("id", "{}", List.of(), Map.of()),
        List.of(), List.of(), Map.of(), Map.of(), new ReferencedFiles(table, List.of()));
  }
}
