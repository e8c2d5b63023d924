package dev.lepton.migrate.deltalog;

import java.util.List;
import java.util.Map;

/**
 * A {@code metaData} action: the table's identity, schema, partitioning and properties.
 *
 * @param id the table's unique id
 * @param schemaString the table schema as Delta's JSON schema text
 * @param partitionColumns the partition column names, in order
 * @param configuration the table properties, such as {@code delta.enableDeletionVectors}
 */
public record Metadata(
    String id, String schemaString, List<String> partitionColumns, Map<String, String> configuration)
    implements Action {

  public Metadata {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("metaData action has no id");
    }
    schemaString = schemaString == null ? "" : schemaString;
    partitionColumns = List.copyOf(partitionColumns);
    configuration = Actions.copyAllowingNulls(configuration);
  }
}
