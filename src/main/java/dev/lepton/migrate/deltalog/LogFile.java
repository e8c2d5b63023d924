package dev.lepton.migrate.deltalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * One published file directly under {@code _delta_log}, classified by its name.
 *
 * @param path the file's full path
 * @param size the file's length in bytes, from the listing
 * @param type what the name says the file is
 * @param version the table version the file belongs to; for a log compaction, its first version
 * @param lastVersion the last version a log compaction covers; equal to {@code version} otherwise
 * @param part the part number of a multi-part checkpoint, starting at 1; 1 for every other file
 * @param parts the number of parts of a multi-part checkpoint; 1 for every other file
 */
public record LogFile(
    Path path, long size, Type type, long version, long lastVersion, int part, int parts) {

  /** The kinds of files the Delta protocol places directly under {@code _delta_log}. */
  public enum Type {
    /** {@code NNNNNNNNNNNNNNNNNNNN.json}: the actions of one commit. */
    COMMIT,
    /** {@code N.checkpoint.parquet}: a single-file checkpoint, in the V1 or V2 layout. */
    CLASSIC_CHECKPOINT,
    /** {@code N.checkpoint.PPPPPPPPPP.TTTTTTTTTT.parquet}: one part of a multi-part checkpoint. */
    MULTI_PART_CHECKPOINT,
    /** {@code N.checkpoint.UUID.json} or {@code .parquet}: a checkpoint in the V2 layout. */
    UUID_CHECKPOINT,
    /** {@code X.Y.compacted.json}: the reconciled actions of commits X to Y. */
    LOG_COMPACTION,
    /** {@code N.crc}: the version checksum file of one commit. */
    VERSION_CHECKSUM
  }

  private static final String VERSION = "(\\d{20})";
  private static final Pattern COMMIT = Pattern.compile(VERSION + "\\.json");
  private static final Pattern CLASSIC = Pattern.compile(VERSION + "\\.checkpoint\\.parquet");
  private static final Pattern MULTI_PART =
      Pattern.compile(VERSION + "\\.checkpoint\\.(\\d{10})\\.(\\d{10})\\.parquet");
  private static final Pattern UUID_NAMED =
      Pattern.compile(
          VERSION + "\\.checkpoint\\.[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"
              + "\\.(json|parquet)");
  private static final Pattern COMPACTION = Pattern.compile(VERSION + "\\." + VERSION
      + "\\.compacted\\.json");
  private static final Pattern CHECKSUM = Pattern.compile(VERSION + "\\.crc");

  public LogFile {
    if (path == null || type == null) {
      throw new IllegalArgumentException("A log file needs a path and a type");
    }
    if (size < 0 || version < 0 || lastVersion < version) {
      throw new IllegalArgumentException(
          "Invalid size or versions for log file " + path + ": size " + size + ", versions "
              + version + " to " + lastVersion);
    }
    if (part < 1 || part > parts) {
      throw new IllegalArgumentException(
          "Invalid part " + part + " of " + parts + " for log file " + path);
    }
  }

  /**
   * Classifies a listed file by its name. Returns empty for names the protocol does not define
   * here, such as {@code _last_checkpoint}, Hadoop's {@code .crc} side files and temporary files,
   * which start with a dot, and the {@code _commits} or {@code _sidecars} folders.
   */
  static Optional<LogFile> of(FileStatus status) {
    if (!status.isFile()) {
      return Optional.empty();
    }
    Path path = status.getPath();
    String name = path.getName();
    long size = status.getLen();
    Matcher m;
    if ((m = COMMIT.matcher(name)).matches()) {
      return Optional.of(single(path, size, Type.COMMIT, m));
    }
    if ((m = CLASSIC.matcher(name)).matches()) {
      return Optional.of(single(path, size, Type.CLASSIC_CHECKPOINT, m));
    }
    if ((m = UUID_NAMED.matcher(name)).matches()) {
      return Optional.of(single(path, size, Type.UUID_CHECKPOINT, m));
    }
    if ((m = CHECKSUM.matcher(name)).matches()) {
      return Optional.of(single(path, size, Type.VERSION_CHECKSUM, m));
    }
    if ((m = MULTI_PART.matcher(name)).matches()) {
      int part = Integer.parseInt(m.group(2));
      int parts = Integer.parseInt(m.group(3));
      if (part < 1 || part > parts) {
        return Optional.empty();
      }
      long version = Long.parseLong(m.group(1));
      return Optional.of(
          new LogFile(path, size, Type.MULTI_PART_CHECKPOINT, version, version, part, parts));
    }
    if ((m = COMPACTION.matcher(name)).matches()) {
      long first = Long.parseLong(m.group(1));
      long last = Long.parseLong(m.group(2));
      if (last <= first) {
        return Optional.empty();
      }
      return Optional.of(new LogFile(path, size, Type.LOG_COMPACTION, first, last, 1, 1));
    }
    return Optional.empty();
  }

  private static LogFile single(Path path, long size, Type type, Matcher m) {
    long version = Long.parseLong(m.group(1));
    return new LogFile(path, size, type, version, version, 1, 1);
  }

  /** Returns whether this is a part of a checkpoint of any kind. */
  public boolean isCheckpoint() {
    return type == Type.CLASSIC_CHECKPOINT
        || type == Type.MULTI_PART_CHECKPOINT
        || type == Type.UUID_CHECKPOINT;
  }

  /** Returns whether the file holds newline-delimited JSON rather than Parquet. */
  boolean isJson() {
    return path.getName().endsWith(".json");
  }

  /** Returns the zero-padded file name of the commit at {@code version}. */
  static String commitFileName(long version) {
    return String.format("%020d.json", version);
  }
}
