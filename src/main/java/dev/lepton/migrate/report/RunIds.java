package dev.lepton.migrate.report;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by start time: {@code 20261204-211530-3fa9c1} (UTC). */
public final class RunIds {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunIds() {}

  public static String next() {
    String time = ZonedDateTime.now(ZoneOffset.UTC).format(FORMAT);
    return time + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }
}
