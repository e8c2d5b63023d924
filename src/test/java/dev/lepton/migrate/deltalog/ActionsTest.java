package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ActionsTest {

  @Test
  void parsesAddWithDeletionVectorAndNullPartition() throws Exception {
    AddFile add = (AddFile) parse(
        "{\"add\":{\"path\":\"p=__HIVE_DEFAULT_PARTITION__/f.parquet\",\"partitionValues\":"
            + "{\"p\":null},\"size\":12,\"modificationTime\":5,\"dataChange\":false,"
            + "\"deletionVector\":{\"storageType\":\"u\",\"pathOrInlineDv\":"
            + "\"0X9F0q2<2yJ-f)Gm2!e0\",\"offset\":1,\"sizeInBytes\":34,\"cardinality\":2}}}");

    assertThat(add.partitionValues()).containsEntry("p", null);
    assertThat(add.size()).isEqualTo(12);
    assertThat(add.dataChange()).isFalse();
    assertThat(add.deletionVector().orElseThrow().offset()).isEqualTo(OptionalInt.of(1));
    assertThat(add.deletionVector().orElseThrow().cardinality()).isEqualTo(2);
  }

  @Test
  void parsesRemoveWithOptionalFieldsAbsent() throws Exception {
    RemoveFile remove = (RemoveFile) parse("{\"remove\":{\"path\":\"f.parquet\",\"dataChange\":true}}");

    assertThat(remove.size()).isEmpty();
    assertThat(remove.deletionTimestamp()).isEmpty();
    assertThat(remove.partitionValues()).isEmpty();
  }

  @Test
  void parsesProtocolMetadataAndCommitInfo() throws Exception {
    Protocol protocol = (Protocol) parse(
        "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
            + "\"readerFeatures\":[\"v2Checkpoint\",\"deletionVectors\"],"
            + "\"writerFeatures\":[\"appendOnly\"]}}");
    Metadata metadata = (Metadata) parse(
        "{\"metaData\":{\"id\":\"t1\",\"schemaString\":\"{}\",\"partitionColumns\":[\"p\"],"
            + "\"configuration\":{\"delta.checkpointInterval\":\"2\"}}}");
    CommitInfo info = (CommitInfo) parse(
        "{\"commitInfo\":{\"timestamp\":10,\"inCommitTimestamp\":11,\"operation\":\"DELETE\"}}");

    assertThat(protocol.readerFeatures()).containsExactly("deletionVectors", "v2Checkpoint");
    assertThat(metadata.partitionColumns()).containsExactly("p");
    assertThat(metadata.configuration()).containsEntry("delta.checkpointInterval", "2");
    assertThat(info.inCommitTimestamp()).hasValue(11);
    assertThat(info.operation()).contains("DELETE");
  }

  @Test
  void parsesCheckpointOnlyActions() throws Exception {
    assertThat(parse("{\"checkpointMetadata\":{\"version\":2}}"))
        .isEqualTo(new CheckpointMetadata(2));
    assertThat(parse("{\"sidecar\":{\"path\":\"a.parquet\",\"sizeInBytes\":9,"
            + "\"modificationTime\":1}}"))
        .isEqualTo(new Sidecar("a.parquet", 9, 1));
    assertThat(parse("{\"domainMetadata\":{\"domain\":\"d\",\"configuration\":\"{}\","
            + "\"removed\":true}}"))
        .isEqualTo(new DomainMetadata("d", "{}", true));
  }

  @Test
  void skipsUnknownActionTypes() throws Exception {
    JsonNode row = Json.MAPPER.readTree("{\"futureAction\":{\"x\":1}}");

    assertThat(Actions.parse(row)).isEmpty();
  }

  @Test
  void rejectsAddWithoutSize() throws Exception {
    JsonNode row = Json.MAPPER.readTree("{\"add\":{\"path\":\"f.parquet\"}}");

    assertThatThrownBy(() -> Actions.parse(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("add action has no numeric size (found nothing)");
  }

  private static Action parse(String json) throws Exception {
    return Actions.parse(Json.MAPPER.readTree(json)).orElseThrow();
  }
}
