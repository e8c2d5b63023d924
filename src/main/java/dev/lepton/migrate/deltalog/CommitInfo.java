package dev.lepton.migrate.deltalog;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code commitInfo} action: provenance of one commit. Every field is optional in the protocol.
 *
 * @param timestamp the writer's clock when it committed, in milliseconds since the epoch
 * @param inCommitTimestamp the commit time when in-commit timestamps are enabled
 * @param operation the operation name, such as {@code WRITE} or {@code DELETE}
 */
public record CommitInfo(
    OptionalLong timestamp, OptionalLong inCommitTimestamp, Optional<String> operation)
    implements Action {

  public CommitInfo {
    timestamp = timestamp == null ? OptionalLong.empty() : timestamp;
    inCommitTimestamp = inCommitTimestamp == null ? OptionalLong.empty() : inCommitTimestamp;
    operation = operation == null ? Optional.empty() : operation;
  }
}
