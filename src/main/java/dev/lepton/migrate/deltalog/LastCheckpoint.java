package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hint in {@code _delta_log/_last_checkpoint}: the version of a recent checkpoint, its number
 * of parts, and for a V2 checkpoint its file name. The protocol makes this file optional and
 * readers must fall back to listing, so a missing or unreadable hint is returned as empty.
 *
 * @param version the checkpoint's table version
 * @param parts the number of parts of a multi-part checkpoint, or empty
 * @param v2FileName the file name of a UUID-named checkpoint, or empty
 */
record LastCheckpoint(long version, Optional<Integer> parts, Optional<String> v2FileName) {
  private static final Logger LOG = LoggerFactory.getLogger(LastCheckpoint.class);

  static final String FILE_NAME = "_last_checkpoint";

  LastCheckpoint {
    if (version < 0) {
      throw new IllegalArgumentException("Checkpoint version must not be negative: " + version);
    }
  }

  /** Reads the hint, or returns empty with a warning when it is absent or cannot be parsed. */
  static Optional<LastCheckpoint> read(FileSystem fs, Path logDir) {
    Path file = new Path(logDir, FILE_NAME);
    JsonNode json;
    try (InputStream in = fs.open(file)) {
      json = Json.MAPPER.readTree(in);
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Ignoring unreadable {}; finding checkpoints by listing instead", file, e);
      return Optional.empty();
    }
    if (json == null || !json.path("version").canConvertToLong()) {
      LOG.warn("Ignoring {} without a version; finding checkpoints by listing instead", file);
      return Optional.empty();
    }
    JsonNode parts = json.path("parts");
    JsonNode v2Path = json.path("v2Checkpoint").path("path");
    return Optional.of(
        new LastCheckpoint(
            json.get("version").asLong(),
            parts.canConvertToInt() ? Optional.of(parts.asInt()) : Optional.empty(),
            v2Path.isTextual() ? Optional.of(new Path(v2Path.asText()).getName()) : Optional.empty()));
  }

  /** Returns whether {@code checkpoint} is the one this hint names. */
  boolean names(Checkpoint checkpoint) {
    if (checkpoint.version() != version) {
      return false;
    }
    if (v2FileName.isPresent()) {
      return checkpoint.files().get(0).path().getName().equals(v2FileName.get());
    }
    return checkpoint.files().size() == parts.orElse(1);
  }
}
