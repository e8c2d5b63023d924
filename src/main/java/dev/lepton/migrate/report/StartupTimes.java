package dev.lepton.migrate.report;

/**
 * The time a command spent before its own work: from the JVM's start to the command, and building
 * the SparkSession. Reported apart, because it does not depend on the data.
 */
public record StartupTimes(long jvmMillis, long sparkSessionMillis) {
  public static final StartupTimes UNKNOWN = new StartupTimes(-1, -1);
}
