package dev.lepton.migrate.deltalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a table at one version after action reconciliation: the latest protocol and
 * metadata, the live logical files, the tombstones, application transactions and metadata domains.
 *
 * @param segment the log segment the state was replayed from
 * @param protocol the table's protocol at this version
 * @param metadata the table's metadata at this version
 * @param files the live {@code add} actions, one per logical file {@code (path, deletion vector)}
 * @param tombstones the {@code remove} actions that are still kept for VACUUM
 * @param transactions the latest {@code txn} action of each application id
 * @param domainMetadata the live metadata domains by name, without removed ones
 * @param liveFiles the data and deletion vector files of {@code files}, each with the version of
 *     the add action that made it live (the checkpoint's version for files read from a checkpoint)
 */
public record Snapshot(
    LogSegment segment,
    Protocol protocol,
    Metadata metadata,
    List<AddFile> files,
    List<RemoveFile> tombstones,
    Map<String, SetTransaction> transactions,
    Map<String, DomainMetadata> domainMetadata,
    ReferencedFiles liveFiles) {

  public Snapshot {
    if (segment == null || protocol == null || metadata == null || liveFiles == null) {
      throw new IllegalArgumentException("A snapshot needs a segment, a protocol and metadata");
    }
    files = List.copyOf(files);
    tombstones = List.copyOf(tombstones);
    transactions = Collections.unmodifiableMap(new LinkedHashMap<>(transactions));
    domainMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(domainMetadata));
  }

  /** Returns the version this snapshot shows. */
  public long version() {
    return segment.version();
  }
}
