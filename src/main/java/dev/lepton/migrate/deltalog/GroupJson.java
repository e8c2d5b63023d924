package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * Converts a checkpoint row into the JSON shape of the same action in a commit file, so that one
 * parser serves both. Maps become objects, lists become arrays and absent fields are left out.
 */
final class GroupJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GroupJson() {}

  static ObjectNode toJson(Group group) {
    GroupType type = group.getType();
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < type.getFieldCount(); i++) {
      if (group.getFieldRepetitionCount(i) > 0) {
        node.set(type.getFieldName(i), value(group, i, 0));
      }
    }
    return node;
  }

  private static JsonNode value(Group parent, int field, int index) {
    Type type = parent.getType().getType(field);
    if (type.isPrimitive()) {
      return primitive(parent, field, index);
    }
    Group child = parent.getGroup(field, index);
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return map(child);
    }
    if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(child);
    }
    return toJson(child);
  }

  /** Reads the standard layout: a repeated {@code key_value} group of key and optional value. */
  private static ObjectNode map(Group map) {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < map.getFieldRepetitionCount(0); i++) {
      Group entry = map.getGroup(0, i);
      String key = entry.getValueToString(0, 0);
      node.set(key, entry.getFieldRepetitionCount(1) == 0 ? NODES.nullNode() : value(entry, 1, 0));
    }
    return node;
  }

  /** Reads the standard three-level list layout and the older two-level one. */
  private static ArrayNode list(Group list) {
    ArrayNode node = NODES.arrayNode();
    Type repeated = list.getType().getType(0);
    for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
      if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1) {
        node.add(value(list, 0, i));
        continue;
      }
      Group element = list.getGroup(0, i);
      node.add(element.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(element, 0, 0));
    }
    return node;
  }

  private static JsonNode primitive(Group parent, int field, int index) {
    Type type = parent.getType().getType(field);
    return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
      case BOOLEAN -> NODES.booleanNode(parent.getBoolean(field, index));
      case INT32 -> NODES.numberNode(parent.getInteger(field, index));
      case INT64 -> NODES.numberNode(parent.getLong(field, index));
      case FLOAT -> NODES.numberNode(parent.getFloat(field, index));
      case DOUBLE -> NODES.numberNode(parent.getDouble(field, index));
      default -> NODES.textNode(parent.getString(field, index));
    };
  }
}
