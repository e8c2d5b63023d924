package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * State the last sync of one table left behind, in {@code STATE/sync/TABLE/state.json}. The
 * target's log contains the synced versions themselves. This file records which of them were
 * checked against the source, so the next run compares only newer commits.
 *
 * @param table the table's folder relative to the roots
 * @param verifiedVersion the highest target version whose commit, and every commit before it that
 *     both logs hold, equalled the source's when the sync ended
 * @param logForm whether the target's commits are the source's bytes or have rewritten paths
 * @param runId the run that wrote this state
 * @param updated when it was written
 */
public record SyncState(String table, long verifiedVersion, LogForm logForm, String runId, Instant updated) {
  static final String FILE_NAME = "state.json";

  /** Relation of the target's commit files to the source's. */
  public enum LogForm {
    /** Byte for byte the source's. */
    COPIED,
    /** The source's with absolute paths into the table written relative. */
    PATHS_REWRITTEN
  }

  static Optional<SyncState> read(FileSystem fs, Path folder) throws IOException {
    Optional<byte[]> bytes = StateFiles.read(fs, new Path(folder, FILE_NAME));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = Json.MAPPER.readTree(bytes.get());
    return Optional.of(new SyncState(node.path("table").asText(""), node.path("verified_version").asLong(-1),
        LogForm.valueOf(node.path("log_form").asText(LogForm.COPIED.name())), node.path("run_id").asText(""),
        Instant.parse(node.path("updated").asText())));
  }

  void write(FileSystem fs, Path folder) throws IOException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("table", table);
    node.put("verified_version", verifiedVersion);
    node.put("log_form", logForm.name());
    node.put("run_id", runId);
    node.put("updated", updated.toString());
    StateFiles.replace(fs, new Path(folder, FILE_NAME), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
  }
}
