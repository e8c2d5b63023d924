package dev.lepton.migrate.config;

/** Settings of {@code migration.verify}. */
public record VerifySettings(boolean rowCounts, boolean failOnUnverified) {}
