package dev.lepton.migrate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lepton.migrate.store.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The manifest rows of one finished copy task, written as JSON lines to
 * {@code STATE/pending/RUN_ID/} before the task ends. The driver appends these files to the
 * manifest table when the run ends. A run killed before that leaves them behind, and the next run
 * appends them first. So a killed run loses at most the rows of the tasks that were running.
 */
public final class TaskResultFile {
  private static final JsonFactory JSON = new JsonFactory();

  private TaskResultFile() {}

  public static Location pendingRoot(Location stateDir) {
    return stateDir.child("pending");
  }

  /**
   * Writes the rows under a hidden name, then renames it, so readers of the folder never see a
   * partial file (Spark's JSON reader skips names starting with '.').
   */
  public static void write(FileSystem fs, Location stateDir, String runId, String taskName, List<ManifestRow> rows)
      throws IOException {
    Location folder = pendingRoot(stateDir).child(runId);
    Path hidden = folder.resolve("." + taskName + ".jsonl.tmp");
    Path visible = folder.resolve(taskName + ".jsonl");
    try (OutputStream out = fs.create(hidden, true);
        JsonGenerator json = JSON.createGenerator(out)) {
      for (ManifestRow row : rows) {
        writeRow(json, row);
        json.writeRaw('\n');
      }
    }
    fs.delete(visible, false);
    if (!fs.rename(hidden, visible)) {
      throw new IOException("Cannot publish task results " + visible + ": rename returned false");
    }
  }

  /** Returns the rows of every result file in {@code folder}, in no particular order. */
  public static List<ManifestRow> readAll(FileSystem fs, Path folder) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    List<ManifestRow> rows = new java.util.ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(folder)) {
      if (!status.getPath().getName().endsWith(".jsonl")) {
        continue;
      }
      try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
          fs.open(status.getPath()), java.nio.charset.StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            rows.add(fromJson(mapper.readTree(line)));
          }
        }
      }
    }
    return rows;
  }

  private static ManifestRow fromJson(com.fasterxml.jackson.databind.JsonNode json) {
    return new ManifestRow(
        json.path("run_id").asText(), json.path("path").asText(), json.path("size").asLong(),
        json.path("modification_time").asLong(), text(json, "etag"), text(json, "checksum_algorithm"),
        text(json, "source_checksum"), text(json, "target_checksum"), text(json, "codec"),
        json.path("status").asText(), text(json, "verify_level"), json.path("bytes_copied").asLong(),
        json.path("duration_ms").asLong(), json.path("attempts").asInt(), text(json, "reason"),
        json.path("recorded_at").asLong(), text(json, "store_checks"));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode json, String field) {
    com.fasterxml.jackson.databind.JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void writeRow(JsonGenerator json, ManifestRow row) throws IOException {
    json.writeStartObject();
    json.writeStringField("run_id", row.runId());
    json.writeStringField("path", row.path());
    json.writeNumberField("size", row.size());
    json.writeNumberField("modification_time", row.modificationTime());
    json.writeStringField("etag", row.etag());
    json.writeStringField("checksum_algorithm", row.checksumAlgorithm());
    json.writeStringField("source_checksum", row.sourceChecksum());
    json.writeStringField("target_checksum", row.targetChecksum());
    json.writeStringField("codec", row.codec());
    json.writeStringField("status", row.status());
    json.writeStringField("verify_level", row.verifyLevel());
    json.writeNumberField("bytes_copied", row.bytesCopied());
    json.writeNumberField("duration_ms", row.durationMs());
    json.writeNumberField("attempts", row.attempts());
    json.writeStringField("reason", row.reason());
    json.writeNumberField("recorded_at", row.recordedAt());
    json.writeStringField("store_checks", row.storeChecks());
    json.writeEndObject();
  }
}
