package dev.lepton.migrate.cli;

public final class LeptonMigrate {
  public static void main(String[] args) {}
}
