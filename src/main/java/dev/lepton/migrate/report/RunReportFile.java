package dev.lepton.migrate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lepton.migrate.store.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes a run's summary as JSON to {@code STATE/reports/RUN_ID.json}. */
public final class RunReportFile {
  private RunReportFile() {}

  public static Path write(FileSystem fs, Location stateDir, RunSummary summary, Map<String, Object> extra)
      throws IOException {
    Path path = stateDir.child("reports").resolve(summary.runId() + ".json");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("run_id", summary.runId());
    document.put("command", summary.command());
    document.put("source", summary.source());
    document.put("target", summary.target());
    document.put("started", summary.started().toString());
    document.put("ended", summary.ended().toString());
    document.put("wall_ms", summary.wallMillis());
    document.put("phase_ms", summary.phaseMillis());
    document.put("by_status", summary.byStatus());
    document.put("bytes_written", summary.bytesCopied());
    document.put("throughput_mb_s", summary.copyMillis() > 0 ? summary.bytesCopied() / 1e3 / summary.copyMillis() : null);
    document.put("failure_count", summary.failureCount());
    document.put("failures", summary.failures());
    document.put("outcome", summary.outcome().name().toLowerCase(java.util.Locale.ROOT));
    document.put("exit_code", summary.outcome().code());
    document.put("config_digest", summary.configDigest());
    document.put("notes", summary.notes());
    document.putAll(extra);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream out = fs.create(path, true)) {
      mapper.writeValue(out, document);
    }
    return path;
  }
}
