package dev.lepton.migrate.copy;

import java.util.Iterator;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.StorageStatistics;

/**
 * Sums the throttling counters that the connectors publish in Hadoop's global storage statistics:
 * S3A's {@code store_io_throttled}, ABFS's {@code read_throttles}, {@code write_throttles} and
 * {@code server_unavailable}, and the GCS connector's {@code gcs_api_server_side_error_count}.
 * NOTE: the GCS connector 2.2 counts 429 responses only among all client-side errors, 404s
 * included. So GCS throttling by 429 is not seen here, only its 503s.
 */
public final class ThrottleCounters {
  private static final Set<String> THROTTLE_STATISTICS = Set.of(
      "store_io_throttled", "read_throttles", "write_throttles", "server_unavailable",
      "gcs_api_server_side_error_count");

  private static ThrottleGovernor shared;

  private ThrottleCounters() {}

  /** Returns the JVM-wide count of throttled responses so far. */
  public static long current() {
    long total = 0;
    Iterator<StorageStatistics> all = FileSystem.getGlobalStorageStatistics().iterator();
    while (all.hasNext()) {
      StorageStatistics statistics = all.next();
      for (String name : THROTTLE_STATISTICS) {
        Long value = statistics.getLong(name);
        if (value != null) {
          total += value;
        }
      }
    }
    return total;
  }

  /** Returns the governor all copy tasks of this JVM share, created with the first caller's limit. */
  public static synchronized ThrottleGovernor governor(int maxConcurrent) {
    if (shared == null) {
      shared = new ThrottleGovernor(maxConcurrent, ThrottleCounters::current);
    }
    return shared;
  }
}
