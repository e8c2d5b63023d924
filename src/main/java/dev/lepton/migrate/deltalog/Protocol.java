package dev.lepton.migrate.deltalog;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code protocol} action: the reader and writer versions a client needs, and with reader
 * version 3 or writer version 7 the named table features.
 *
 * @param minReaderVersion the minimum reader protocol version
 * @param minWriterVersion the minimum writer protocol version
 * @param readerFeatures the reader features listed in the action, sorted; empty below version 3
 * @param writerFeatures the writer features listed in the action, sorted; empty below version 7
 */
public record Protocol(
    int minReaderVersion,
    int minWriterVersion,
    Set<String> readerFeatures,
    Set<String> writerFeatures)
    implements Action {

  public Protocol {
    if (minReaderVersion < 1 || minWriterVersion < 1) {
      throw new IllegalArgumentException(
          "protocol versions must be at least 1, found reader " + minReaderVersion + " and writer "
              + minWriterVersion);
    }
    readerFeatures = Collections.unmodifiableSet(new TreeSet<>(readerFeatures));
    writerFeatures = Collections.unmodifiableSet(new TreeSet<>(writerFeatures));
  }
}
