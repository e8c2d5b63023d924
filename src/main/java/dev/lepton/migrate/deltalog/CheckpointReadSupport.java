package dev.lepton.migrate.deltalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads checkpoint and sidecar rows as Parquet example {@link Group}s, projected to the action
 * fields this package parses. Statistics, which make up most of a checkpoint's bytes, are never
 * read. Columns a file lacks (older writers omit some) are left out of the projection rather than
 * failing it.
 */
final class CheckpointReadSupport extends ReadSupport<Group> {
  private static final Map<String, Set<String>> NEEDED_FIELDS =
      Map.of(
          "add",
          Set.of("path", "partitionValues", "size", "modificationTime", "dataChange",
              "deletionVector"),
          "remove",
          Set.of("path", "partitionValues", "size", "dataChange", "deletionTimestamp",
              "deletionVector"),
          "metaData", Set.of("id", "schemaString", "partitionColumns", "configuration"),
          "protocol",
          Set.of("minReaderVersion", "minWriterVersion", "readerFeatures", "writerFeatures"),
          "txn", Set.of("appId", "version", "lastUpdated"),
          "domainMetadata", Set.of("domain", "configuration", "removed"),
          "checkpointMetadata", Set.of("version"),
          "sidecar", Set.of("path", "sizeInBytes", "modificationTime"));

  private final Set<String> actionTypes;

  /** Creates a read support for the given action types, such as {@code add} and {@code sidecar}. */
  CheckpointReadSupport(Set<String> actionTypes) {
    this.actionTypes = Set.copyOf(actionTypes);
  }

  /** Returns the action types whose fields this class can project. */
  static Set<String> allActionTypes() {
    return NEEDED_FIELDS.keySet();
  }

  @Override
  public ReadContext init(InitContext context) {
    return new ReadContext(project(context.getFileSchema(), actionTypes));
  }

  @Override
  public RecordMaterializer<Group> prepareForRead(
      Configuration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return new GroupRecordConverter(readContext.getRequestedSchema());
  }

  static MessageType project(MessageType fileSchema, Set<String> actionTypes) {
    List<Type> projected = new ArrayList<>();
    for (Type action : fileSchema.getFields()) {
      Set<String> neededFields = NEEDED_FIELDS.get(action.getName());
      if (neededFields == null || !actionTypes.contains(action.getName()) || action.isPrimitive()) {
        continue;
      }
      GroupType group = action.asGroupType();
      List<Type> fields = new ArrayList<>();
      for (Type field : group.getFields()) {
        if (neededFields.contains(field.getName())) {
          fields.add(field);
        }
      }
      if (!fields.isEmpty()) {
        projected.add(group.withNewFields(fields));
      }
    }
    return new MessageType(fileSchema.getName(), projected);
  }
}
