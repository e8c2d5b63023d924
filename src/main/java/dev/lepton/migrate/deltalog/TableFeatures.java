package dev.lepton.migrate.deltalog;

import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;

/**
 * The table features a table uses and which of them a byte-for-byte copy of the table can carry.
 * A copy moves data files, deletion vectors, change data and the log unchanged, so most features
 * need nothing from it. Features whose commits may live outside {@code _delta_log}, such as
 * catalog-managed or coordinated commits, cannot be copied by listing files, and features this
 * class has never heard of are treated as unsupported, because they may change what the log
 * means.
 */
public final class TableFeatures {
  /** Reader features a copy carries; names from the protocol's list of valid feature names. */
  public static final Set<String> SUPPORTED_READER_FEATURES =
      Set.of(
          "columnMapping",
          "deletionVectors",
          "timestampNtz",
          "typeWidening",
          "typeWidening-preview",
          "v2Checkpoint",
          "vacuumProtocolCheck",
          "variantType",
          "variantType-preview");

  /** Writer features a copy carries. */
  public static final Set<String> SUPPORTED_WRITER_FEATURES =
      Set.of(
          "allowColumnDefaults",
          "appendOnly",
          "changeDataFeed",
          "checkConstraints",
          "checkpointProtection",
          "clustering",
          "columnMapping",
          "deletionVectors",
          "domainMetadata",
          "generatedColumns",
          "icebergCompatV1",
          "icebergCompatV2",
          "identityColumns",
          "inCommitTimestamp",
          "invariants",
          "rowTracking",
          "timestampNtz",
          "typeWidening",
          "typeWidening-preview",
          "v2Checkpoint",
          "vacuumProtocolCheck",
          "variantType",
          "variantType-preview");

  private static final int MAX_READER_VERSION = 3;
  private static final int MAX_WRITER_VERSION = 7;

  private TableFeatures() {}

  /**
   * Returns the reader features a protocol requires: the listed ones from reader version 3 on,
   * and for older versions the features those versions imply.
   */
  public static Set<String> readerFeatures(Protocol protocol) {
    if (protocol.minReaderVersion() >= 3) {
      return protocol.readerFeatures();
    }
    return protocol.minReaderVersion() == 2 ? Set.of("columnMapping") : Set.of();
  }

  /**
   * Returns the writer features a protocol requires: the listed ones from writer version 7 on,
   * and for versions 2 to 6 the features those versions imply.
   */
  public static Set<String> writerFeatures(Protocol protocol) {
    int version = protocol.minWriterVersion();
    if (version >= 7) {
      return protocol.writerFeatures();
    }
    Set<String> implied = new TreeSet<>();
    if (version >= 2) {
      implied.addAll(Set.of("appendOnly", "invariants"));
    }
    if (version >= 3) {
      implied.add("checkConstraints");
    }
    if (version >= 4) {
      implied.addAll(Set.of("changeDataFeed", "generatedColumns"));
    }
    if (version >= 5) {
      implied.add("columnMapping");
    }
    if (version >= 6) {
      implied.add("identityColumns");
    }
    return implied;
  }

  /** Returns the required reader features a copy cannot carry, sorted. */
  public static Set<String> unsupportedReaderFeatures(Protocol protocol) {
    Set<String> unsupported = new TreeSet<>(readerFeatures(protocol));
    unsupported.removeAll(SUPPORTED_READER_FEATURES);
    return unsupported;
  }

  /** Returns the required writer features a copy cannot carry, sorted. */
  public static Set<String> unsupportedWriterFeatures(Protocol protocol) {
    Set<String> unsupported = new TreeSet<>(writerFeatures(protocol));
    unsupported.removeAll(SUPPORTED_WRITER_FEATURES);
    return unsupported;
  }

  /**
   * Checks that a copy can carry the table at this snapshot's version.
   *
   * @throws dev.lepton.migrate.InvalidInputException naming the protocol versions or features
   *     that a copy cannot carry
   */
  public static void requireSupported(Snapshot snapshot) {
    requireSupported(snapshot.segment().tableRoot(), snapshot.version(), snapshot.protocol());
  }

  /**
   * Checks that a copy can carry the table with {@code protocol} at {@code version}.
   *
   * @throws dev.lepton.migrate.InvalidInputException naming the protocol versions or features
   *     that a copy cannot carry
   */
  public static void requireSupported(Path table, long version, Protocol protocol) {
    if (protocol.minReaderVersion() > MAX_READER_VERSION) {
      throw LogErrors.unsupportedFeatures(
          table, version, "reader protocol version", Set.of(protocol.minReaderVersion() + ""));
    }
    if (protocol.minWriterVersion() > MAX_WRITER_VERSION) {
      throw LogErrors.unsupportedFeatures(
          table, version, "writer protocol version", Set.of(protocol.minWriterVersion() + ""));
    }
    Set<String> reader = unsupportedReaderFeatures(protocol);
    if (!reader.isEmpty()) {
      throw LogErrors.unsupportedFeatures(table, version, "reader features", reader);
    }
    Set<String> writer = unsupportedWriterFeatures(protocol);
    if (!writer.isEmpty()) {
      throw LogErrors.unsupportedFeatures(table, version, "writer features", writer);
    }
  }
}
