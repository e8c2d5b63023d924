package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

class CheckpointReadSupportTest {
  private static final MessageType FILE_SCHEMA = MessageTypeParser.parseMessageType(
      "message spark_schema {"
          + "  optional group txn { optional binary appId (STRING); optional int64 version; }"
          + "  optional group add {"
          + "    optional binary path (STRING);"
          + "    optional int64 size;"
          + "    optional binary stats (STRING);"
          + "    optional group stats_parsed { optional int64 numRecords; }"
          + "  }"
          + "  optional group metaData { optional binary id (STRING); }"
          + "  optional group futureAction { optional binary x (STRING); }"
          + "}");

  @Test
  void projectsOnlyNeededFieldsOfRequestedActions() {
    MessageType projected =
        CheckpointReadSupport.project(FILE_SCHEMA, Set.of("add", "sidecar", "futureAction"));

    assertThat(projected.getFields()).extracting(t -> t.getName()).containsExactly("add");
    assertThat(projected.getType("add").asGroupType().getFields())
        .extracting(t -> t.getName())
        .containsExactly("path", "size");
  }

  @Test
  void keepsEveryKnownActionWhenAllAreRequested() {
    MessageType projected =
        CheckpointReadSupport.project(FILE_SCHEMA, CheckpointReadSupport.allActionTypes());

    assertThat(projected.getFields()).extracting(t -> t.getName())
        .containsExactly("txn", "add", "metaData");
  }
}
