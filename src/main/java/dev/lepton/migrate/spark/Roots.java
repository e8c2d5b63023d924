package dev.lepton.migrate.spark;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.RunLayout;
import dev.lepton.migrate.store.StoreProbe;
import dev.lepton.migrate.store.Stores;

/** Checks of the source and target roots that commands make before they write anything. */
final class Roots {
  private Roots() {}

  /**
   * Throws {@link InvalidInputException} when the source or target store cannot be reached at all
   * (see {@link StoreProbe}), or when the source root does not exist. The message names where
   * {@code migration.source} or {@code migration.target} was set.
   *
   * @param action the verb phrase of the message, such as "copy from" in "Cannot copy from SOURCE"
   */
  static void requireSource(RunLayout layout, HadoopConf conf, MigrationConfig config, String action) {
    StoreProbe.check(layout.source(), conf.get(), config.keyWithOrigin("migration.source"));
    StoreProbe.check(layout.target(), conf.get(), config.keyWithOrigin("migration.target"));
    if (!Listing.rootExists(Stores.fileSystem(layout.source(), conf.get()), layout.source())) {
      throw new InvalidInputException("Cannot " + action + " " + layout.source() + ": the folder does not exist."
          + " Check " + config.keyWithOrigin("migration.source") + " and the credentials for that store.");
    }
  }

  /** Returns whether the target root exists, without creating it. */
  static boolean targetExists(RunLayout layout, HadoopConf conf) {
    return Listing.rootExists(Stores.fileSystem(layout.target(), conf.get()), layout.target());
  }
}
