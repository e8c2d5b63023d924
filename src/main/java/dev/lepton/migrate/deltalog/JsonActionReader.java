package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads newline-delimited JSON log files (commits, log compactions, JSON V2 checkpoints) one line
 * at a time, so a file is never held in memory whole.
 */
final class JsonActionReader {
  private final FileSystem fs;
  private final Path tableRoot;

  JsonActionReader(FileSystem fs, Path tableRoot) {
    this.fs = fs;
    this.tableRoot = tableRoot;
  }

  /** Returns the actions of a small file, such as one commit, in file order. */
  List<Action> readAll(Path file) {
    List<Action> actions = new ArrayList<>();
    read(file, actions::add);
    return actions;
  }

  /**
   * Passes each action of {@code file} to {@code sink} in file order. Blank lines are skipped. A
   * line that is not a JSON object, or a known action without a required field, fails the read
   * with the file and line number.
   */
  void read(Path file, Consumer<Action> sink) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        parseLine(file, number, line).ifPresent(sink);
      }
    } catch (FileNotFoundException e) {
      throw LogErrors.fileVanished(tableRoot, file, e);
    } catch (IOException e) {
      throw LogErrors.readFailed(tableRoot, file, e);
    }
  }

  private java.util.Optional<Action> parseLine(Path file, long number, String line) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw LogErrors.invalidLine(tableRoot, file, number, "not valid JSON: "
          + e.getOriginalMessage());
    }
    try {
      return Actions.parse(json);
    } catch (IllegalArgumentException e) {
      throw LogErrors.invalidLine(tableRoot, file, number, e.getMessage());
    }
  }
}
