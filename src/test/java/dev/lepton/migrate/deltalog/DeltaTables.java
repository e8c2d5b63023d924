package dev.lepton.migrate.deltalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Test fixtures: Delta tables written by delta-spark, and helpers to inspect and damage them. */
final class DeltaTables {
  private DeltaTables() {}

  static FileSystem localFs() {
    try {
      return FileSystem.getLocal(new Configuration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path hadoopPath(java.nio.file.Path dir) {
    return new Path(dir.toUri());
  }

  static void sql(String statement) {
    SparkDelta.spark().sql(statement);
  }

  /** Creates an empty table of {@code (id BIGINT, value STRING)} with the given properties. */
  static void create(java.nio.file.Path dir, String properties) {
    sql("CREATE TABLE delta.`" + dir + "` (id BIGINT, value STRING) USING delta"
        + (properties.isEmpty() ? "" : " TBLPROPERTIES (" + properties + ")"));
  }

  /** Appends {@code count} rows starting at {@code firstId}, written as {@code files} files. */
  static void append(java.nio.file.Path dir, long firstId, long count, int files) {
    SparkDelta.spark()
        .range(firstId, firstId + count)
        .selectExpr("id", "CAST(id AS STRING) AS value")
        .repartition(files)
        .write()
        .format("delta")
        .mode("append")
        .save(dir.toString());
  }

  /** Asserts that the reader's live data files equal Spark's at every version in the range. */
  static void assertMatchesSpark(DeltaLog log, long fromVersion, long toVersion) {
    for (long version = fromVersion; version <= toVersion; version++) {
      Set<String> ours =
          log.snapshotAt(version).liveFiles().ofKind(ReferencedFile.Kind.DATA).stream()
              .map(f -> f.resolve(log.tableRoot()).toString())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(ours)
          .as("live data files at version %d", version)
          .isNotNull()
          .isEqualTo(SparkDelta.inputFiles(log.tableRoot(), version));
    }
  }

  /** Returns the paths, relative to {@code dir}, of the visible files below it. */
  static Set<String> filesUnder(java.nio.file.Path dir, String subfolder) {
    java.nio.file.Path start = dir.resolve(subfolder);
    if (!Files.isDirectory(start)) {
      return Set.of();
    }
    try (Stream<java.nio.file.Path> walk = Files.walk(start)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a table folder, Hadoop checksum files included. */
  static void copy(java.nio.file.Path from, java.nio.file.Path to) {
    try (Stream<java.nio.file.Path> walk = Files.walk(from)) {
      for (java.nio.file.Path source : walk.toList()) {
        java.nio.file.Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a log file's path, for example {@code logFile(dir, "00000000000000000003.json")}. */
  static java.nio.file.Path logFile(java.nio.file.Path table, String name) {
    return table.resolve("_delta_log").resolve(name);
  }

  /**
   * Deletes a file and the Hadoop checksum file beside it, so that the local file system does not
   * find a stale checksum after the file is rewritten.
   */
  static void delete(java.nio.file.Path file) {
    try {
      Files.delete(file);
      Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces a file's content and drops its Hadoop checksum file. */
  static void rewrite(java.nio.file.Path file, List<String> lines) {
    try {
      Files.write(file, lines);
      Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a small hand-made commit at {@code version} that adds {@code file}; version 0 also
   * carries the protocol and metadata.
   */
  static void writeCommit(java.nio.file.Path table, long version, String file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("{\"commitInfo\":{\"timestamp\":" + (1700000000000L + version) + "}}");
    if (version == 0) {
      lines.add("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}");
      lines.add("{\"metaData\":{\"id\":\"t\",\"schemaString\":\"{}\",\"partitionColumns\":[],"
          + "\"configuration\":{}}}");
    }
    lines.add("{\"add\":{\"path\":\"" + file + "\",\"partitionValues\":{},\"size\":1,"
        + "\"modificationTime\":1,\"dataChange\":true}}");
    Files.createDirectories(table.resolve("_delta_log"));
    Files.write(logFile(table, LogFile.commitFileName(version)), lines, StandardCharsets.UTF_8);
  }

  static List<String> lines(java.nio.file.Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
