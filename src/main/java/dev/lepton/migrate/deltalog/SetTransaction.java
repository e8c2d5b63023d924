package dev.lepton.migrate.deltalog;

import java.util.OptionalLong;

/**
 * A {@code txn} action: the progress of an application, such as a streaming query, that writes
 * to the table idempotently.
 *
 * @param appId the application's id
 * @param version the application's own progress marker
 * @param lastUpdated when the action was written, in milliseconds since the epoch, if recorded
 */
public record SetTransaction(String appId, long version, OptionalLong lastUpdated)
    implements Action {

  public SetTransaction {
    if (appId == null) {
      throw new IllegalArgumentException("txn action has no appId");
    }
    lastUpdated = lastUpdated == null ? OptionalLong.empty() : lastUpdated;
  }
}
