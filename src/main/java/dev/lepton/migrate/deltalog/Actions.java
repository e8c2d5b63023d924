package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses actions from their JSON form, which is also the form checkpoint rows are converted to.
 * A row contains one action under a key that names its type. Rows whose keys are all unknown or
 * null return empty. Invalid known actions raise {@link IllegalArgumentException}, which the readers
 * turn into an error that names the file and line.
 */
final class Actions {
  private static final Map<Class<? extends Action>, String> TYPE_NAMES =
      Map.of(
          AddFile.class, "add",
          RemoveFile.class, "remove",
          AddCdcFile.class, "cdc",
          Metadata.class, "metaData",
          Protocol.class, "protocol",
          CommitInfo.class, "commitInfo",
          SetTransaction.class, "txn",
          DomainMetadata.class, "domainMetadata",
          CheckpointMetadata.class, "checkpointMetadata",
          Sidecar.class, "sidecar");

  private Actions() {}

  /** Returns the key an action is stored under, such as {@code add} or {@code metaData}. */
  static String typeName(Action action) {
    return TYPE_NAMES.get(action.getClass());
  }

  static Optional<Action> parse(JsonNode row) {
    if (row == null || !row.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, found " + describe(row));
    }
    var fields = row.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      JsonNode body = field.getValue();
      if (!body.isObject()) {
        continue;
      }
      Optional<Action> action = parse(field.getKey(), body);
      if (action.isPresent()) {
        return action;
      }
    }
    return Optional.empty();
  }

  private static Optional<Action> parse(String type, JsonNode a) {
    Action action =
        switch (type) {
          case "add" -> new AddFile(text(a, "path"), stringMap(a, "partitionValues"),
              requiredLong(a, "size", type), a.path("modificationTime").asLong(0),
              a.path("dataChange").asBoolean(true), deletionVector(a));
          case "remove" -> new RemoveFile(text(a, "path"), stringMap(a, "partitionValues"),
              optionalLong(a, "size"), a.path("dataChange").asBoolean(true),
              optionalLong(a, "deletionTimestamp"), deletionVector(a));
          case "cdc" -> new AddCdcFile(text(a, "path"), stringMap(a, "partitionValues"),
              requiredLong(a, "size", type), a.path("dataChange").asBoolean(false));
          case "metaData" -> new Metadata(text(a, "id"), text(a, "schemaString"),
              stringList(a, "partitionColumns"), stringMap(a, "configuration"));
          case "protocol" -> new Protocol((int) requiredLong(a, "minReaderVersion", type),
              (int) requiredLong(a, "minWriterVersion", type),
              new LinkedHashSet<>(stringList(a, "readerFeatures")),
              new LinkedHashSet<>(stringList(a, "writerFeatures")));
          case "commitInfo" -> new CommitInfo(optionalLong(a, "timestamp"),
              optionalLong(a, "inCommitTimestamp"), Optional.ofNullable(text(a, "operation")));
          case "txn" -> new SetTransaction(text(a, "appId"), requiredLong(a, "version", type),
              optionalLong(a, "lastUpdated"));
          case "domainMetadata" -> new DomainMetadata(text(a, "domain"),
              text(a, "configuration"), a.path("removed").asBoolean(false));
          case "checkpointMetadata" -> new CheckpointMetadata(requiredLong(a, "version", type));
          case "sidecar" -> new Sidecar(text(a, "path"), requiredLong(a, "sizeInBytes", type),
              a.path("modificationTime").asLong(0));
          default -> null;
        };
    return Optional.ofNullable(action);
  }

  private static Optional<DeletionVectorDescriptor> deletionVector(JsonNode action) {
    JsonNode dv = action.path("deletionVector");
    if (!dv.isObject()) {
      return Optional.empty();
    }
    JsonNode offset = dv.path("offset");
    return Optional.of(
        new DeletionVectorDescriptor(
            text(dv, "storageType"),
            text(dv, "pathOrInlineDv"),
            offset.canConvertToInt() ? OptionalInt.of(offset.asInt()) : OptionalInt.empty(),
            (int) requiredLong(dv, "sizeInBytes", "deletionVector"),
            requiredLong(dv, "cardinality", "deletionVector")));
  }

  static String requirePath(String path, String actionType) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException(actionType + " action has no path");
    }
    return path;
  }

  /** Copies a map that may hold null values, which {@link Map#copyOf} rejects. */
  static Map<String, String> copyAllowingNulls(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static long requiredLong(JsonNode node, String field, String actionType) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalArgumentException(
          actionType + " action has no numeric " + field + " (found " + describe(value) + ")");
    }
    return value.asLong();
  }

  private static OptionalLong optionalLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToLong()
        ? OptionalLong.of(value.asLong())
        : OptionalLong.empty();
  }

  private static Map<String, String> stringMap(JsonNode node, String field) {
    Map<String, String> map = new LinkedHashMap<>();
    node.path(field)
        .fields()
        .forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return map;
  }

  private static List<String> stringList(JsonNode node, String field) {
    List<String> list = new ArrayList<>();
    node.path(field).forEach(element -> list.add(element.asText()));
    return list;
  }

  private static String describe(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().toString().toLowerCase();
  }

  /** Returns the keys of a set in a stable order for messages. */
  static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
