package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Rewrites the absolute paths of a commit that point into the source table into paths relative
 * to the table root, line by line, so the target's log names the target's own files. Lines without
 * such a path are copied byte for byte. Rewritten lines are JSON with the same fields in the same
 * order, so the same source commit always gives the same target commit.
 */
public final class PathRewrite {
  private static final List<String> FILE_ACTIONS = List.of("add", "remove", "cdc");

  private final Path sourceTableRoot;
  private final LogPaths paths;

  public PathRewrite(Path qualifiedSourceTableRoot) {
    this.sourceTableRoot = qualifiedSourceTableRoot;
    this.paths = new LogPaths(qualifiedSourceTableRoot);
  }

  /** Returns the decoded relative path of a logged path into the table, or empty. */
  Optional<String> relativeInside(String encoded) {
    return paths.insideTable(encoded);
  }

  /** Copies a commit from {@code in} to {@code out}, rewriting its paths. Reads one line at a time. */
  void rewrite(InputStream in, OutputStream out, long version) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      out.write(rewriteLine(line, version).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
  }

  String rewriteLine(String line, long version) {
    if (line.isBlank()) {
      return line;
    }
    JsonNode row;
    try {
      row = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw LogErrors.invalidPath(sourceTableRoot, version, "commit line is not JSON: " + e.getOriginalMessage());
    }
    boolean changed = false;
    for (String type : FILE_ACTIONS) {
      JsonNode action = row.get(type);
      if (action instanceof ObjectNode body && body.path("path").isTextual()) {
        Optional<String> relative = relativeInside(body.get("path").asText());
        if (relative.isPresent()) {
          body.put("path", LogPaths.encodeRelative(relative.get()));
          changed = true;
        }
      }
    }
    if (!changed) {
      return line;
    }
    try {
      return Json.MAPPER.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a rewritten commit line as JSON", e);
    }
  }
}
