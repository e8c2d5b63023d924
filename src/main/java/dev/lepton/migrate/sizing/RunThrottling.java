package dev.lepton.migrate.sizing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lepton.migrate.store.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads how many requests the store throttled during a run from the run's JSON report,
 * {@code STATE/reports/RUN_ID.json}.
 */
public final class RunThrottling {
  /** Report field a copy writes; reports of older versions name the count in a note only. */
  public static final String FIELD = "throttled_requests";
  private static final Pattern NOTE = Pattern.compile("the store throttled ([0-9,]+) requests?");

  private RunThrottling() {}

  /**
   * Returns the count of throttled requests of {@code runId}, or empty when it is unknown: the report
   * is missing or unreadable, or the run was not a copy, the only command that counts them.
   */
  public static OptionalLong throttledRequests(FileSystem fs, Location stateDir, String runId) {
    Path report = stateDir.child("reports").resolve(runId + ".json");
    JsonNode document;
    try (InputStream in = fs.open(report)) {
      document = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    if (document.hasNonNull(FIELD)) {
      return OptionalLong.of(document.get(FIELD).asLong());
    }
    if (!"copy".equals(document.path("command").asText())) {
      return OptionalLong.empty();
    }
    // A copy adds the note only when something was throttled.
    for (JsonNode note : document.path("notes")) {
      Matcher matcher = NOTE.matcher(note.asText());
      if (matcher.find()) {
        return OptionalLong.of(Long.parseLong(matcher.group(1).replace(",", "")));
      }
    }
    return OptionalLong.of(0);
  }
}
