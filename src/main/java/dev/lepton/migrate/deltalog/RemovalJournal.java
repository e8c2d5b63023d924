package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files the source's log removed that the target still keeps, in {@code
 * STATE/sync/TABLE/removals.jsonl}: one JSON line per file with the version and time of its
 * removal. Checkpoints drop a removal once it is older than the table's retention, so the sync
 * keeps its own list to find, later, the target files that became old enough to delete.
 */
final class RemovalJournal {
  static final String FILE_NAME = "removals.jsonl";

  private final Map<String, FileRemoval> removals = new LinkedHashMap<>();

  static RemovalJournal read(FileSystem fs, Path folder) throws IOException {
    RemovalJournal journal = new RemovalJournal();
    byte[] bytes = StateFiles.read(fs, new Path(folder, FILE_NAME)).orElse(new byte[0]);
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode node = Json.MAPPER.readTree(line);
        journal.add(new FileRemoval(node.path("path").asText(), node.path("version").asLong(),
            node.path("removed_at").asLong()));
      }
    }
    return journal;
  }

  /** Adds a removal; a later removal of the same file replaces an earlier one. */
  void add(FileRemoval removal) {
    removals.remove(removal.path());
    removals.put(removal.path(), removal);
  }

  /** Returns the removals older than {@code retention} at {@code now}. */
  List<FileRemoval> due(Instant now, Duration retention) {
    long cutoff = now.minus(retention).toEpochMilli();
    return removals.values().stream().filter(r -> r.removedAtMillis() < cutoff).toList();
  }

  void forget(String path) {
    removals.remove(path);
  }

  int size() {
    return removals.size();
  }

  void write(FileSystem fs, Path folder) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (FileRemoval removal : new ArrayList<>(removals.values())) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("path", removal.path());
      node.put("version", removal.version());
      node.put("removed_at", removal.removedAtMillis());
      out.writeBytes(Json.MAPPER.writeValueAsBytes(node));
      out.write('\n');
    }
    StateFiles.replace(fs, new Path(folder, FILE_NAME), out.toByteArray());
  }
}
