package dev.lepton.migrate.store;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.config.MigrationConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders of one run: source and target roots, the state folder, and the staging folder where
 * files wait for their rename on stores that commit by rename.
 *
 * @param stateDirUnderTarget the state folder relative to the target root, or null when the
 *     configured state folder lies elsewhere
 */
public record RunLayout(Location source, Location target, Location stateDir, String stateDirUnderTarget)
    implements Serializable {
  /** Folder below the target root that contains staging files while a run is writing. */
  public static final String STAGING_FOLDER = "_lepton_staging";

  /** Checks and resolves the roots of a command that reads a source and writes a target. */
  public static RunLayout of(MigrationConfig config) {
    Location source = Location.parse(config.requireSource(), config.keyWithOrigin("migration.source"));
    Location target = Location.parse(config.requireTarget(), config.keyWithOrigin("migration.target"));
    if (source.overlaps(target)) {
      throw new InvalidInputException(
          "Cannot copy " + source + " to " + target + ": "
              + (source.equals(target) ? "source and target are the same folder" : "one contains the other")
              + ". Choose a target outside the source (and a source outside the target).");
    }
    return withStateDir(source, target, config.stateDir());
  }

  static RunLayout withStateDir(Location source, Location target, String stateDir) {
    if (isRelative(stateDir)) {
      String cleaned = stateDir.replaceAll("^/+|/+$", "");
      return new RunLayout(source, target, target.child(cleaned), cleaned);
    }
    Location state = Location.parse(stateDir, "migration.state-dir");
    if (state.overlaps(source)) {
      throw new InvalidInputException(
          "Cannot use state folder " + state + ": it overlaps the source " + source
              + ". Put migration.state-dir under the target or in a folder of its own.");
    }
    String underTarget = state.sameStore(target) ? target.relativize(state.path()) : null;
    return new RunLayout(source, target, state, underTarget);
  }

  /**
   * Resolves the state folder of {@code target} as every command does: a relative
   * {@code migration.state-dir} lies below the target root, an absolute one anywhere.
   */
  public static Location stateDirOf(Location target, String stateDir) {
    if (isRelative(stateDir)) {
      return target.child(stateDir.replaceAll("^/+|/+$", ""));
    }
    return Location.parse(stateDir, "migration.state-dir");
  }

  private static boolean isRelative(String stateDir) {
    return !stateDir.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !stateDir.startsWith("/");
  }

  /** Folders the source listing leaves out: another run's state and staging folders. */
  public List<String> reservedFolders() {
    List<String> folders = new ArrayList<>(List.of(STAGING_FOLDER));
    if (stateDirUnderTarget != null) {
      folders.add(stateDirUnderTarget);
    }
    return folders;
  }

  /** Folders the target listing leaves out: this job's state and staging folders. */
  public List<String> targetReservedFolders() {
    return reservedFolders();
  }

  public Location staging(String runId) {
    return target.child(STAGING_FOLDER + "/" + runId);
  }
}
