package dev.lepton.migrate.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code fields} parameter of partial responses, such as {@code
 * items(name,size),prefixes,nextPageToken} or {@code a/b}: keeps only the selected fields of a
 * JSON response, applying a selection on an array to each element.
 */
final class FieldSelector {
  /** Selected field names; a null value selects the whole field. */
  private final Map<String, FieldSelector> fields;

  private FieldSelector(Map<String, FieldSelector> fields) {
    this.fields = fields;
  }

  /** Parses a {@code fields} value; returns null for a missing or empty one (select all). */
  static FieldSelector parse(String expression) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    Parser parser = new Parser(expression.replace(" ", ""));
    FieldSelector selector = parser.parseList();
    if (parser.position != parser.text.length()) {
      throw GcsApiException.invalid("Invalid fields parameter: " + expression);
    }
    return selector;
  }

  JsonNode apply(JsonNode node) {
    if (node.isArray()) {
      ArrayNode selected = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> selected.add(apply(element)));
      return selected;
    }
    if (!node.isObject() || fields.containsKey("*")) {
      return node;
    }
    ObjectNode selected = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (fields.containsKey(field.getKey())) {
        FieldSelector nested = fields.get(field.getKey());
        selected.set(field.getKey(), nested == null ? field.getValue() : nested.apply(field.getValue()));
      }
    }
    return selected;
  }

  private static final class Parser {
    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    FieldSelector parseList() {
      Map<String, FieldSelector> fields = new LinkedHashMap<>();
      while (position < text.length() && text.charAt(position) != ')') {
        parseField(fields);
        if (position < text.length() && text.charAt(position) == ',') {
          position++;
        }
      }
      return new FieldSelector(fields);
    }

    private void parseField(Map<String, FieldSelector> into) {
      int start = position;
      while (position < text.length() && ",()/".indexOf(text.charAt(position)) < 0) {
        position++;
      }
      String name = text.substring(start, position);
      if (name.isEmpty()) {
        throw GcsApiException.invalid("Invalid fields parameter: " + text);
      }
      if (position < text.length() && text.charAt(position) == '/') {
        position++;
        Map<String, FieldSelector> nested = new LinkedHashMap<>();
        parseField(nested);
        merge(into, name, new FieldSelector(nested));
      } else if (position < text.length() && text.charAt(position) == '(') {
        position++;
        FieldSelector nested = parseList();
        if (position >= text.length() || text.charAt(position) != ')') {
          throw GcsApiException.invalid("Unbalanced parentheses in fields parameter: " + text);
        }
        position++;
        merge(into, name, nested);
      } else {
        into.put(name, null);
      }
    }

    private static void merge(Map<String, FieldSelector> into, String name, FieldSelector nested) {
      if (into.containsKey(name) && into.get(name) == null) {
        return;
      }
      FieldSelector existing = into.get(name);
      if (existing == null) {
        into.put(name, nested);
      } else {
        existing.fields.putAll(nested.fields);
      }
    }
  }
}
