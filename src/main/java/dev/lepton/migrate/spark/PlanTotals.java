package dev.lepton.migrate.spark;

import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.PlannedFile;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** Counts and bytes per action of a plan; built by a Spark aggregate, small enough for the driver. */
final class PlanTotals implements Serializable {
  private final Map<FileAction, long[]> byAction = new EnumMap<>(FileAction.class);
  private long extraTargetFiles;

  PlanTotals add(PlannedFile file) {
    long[] slot = byAction.computeIfAbsent(file.action(), a -> new long[2]);
    slot[0]++;
    slot[1] += file.source().size();
    return this;
  }

  PlanTotals addExtraTargetFile() {
    extraTargetFiles++;
    return this;
  }

  PlanTotals merge(PlanTotals other) {
    other.byAction.forEach((action, slot) -> {
      long[] mine = byAction.computeIfAbsent(action, a -> new long[2]);
      mine[0] += slot[0];
      mine[1] += slot[1];
    });
    extraTargetFiles += other.extraTargetFiles;
    return this;
  }

  long files(FileAction action) {
    return byAction.getOrDefault(action, new long[2])[0];
  }

  long bytes(FileAction action) {
    return byAction.getOrDefault(action, new long[2])[1];
  }

  /** Files and bytes a copy has to read: copies, adoption checks and checksum rechecks. */
  long filesToProcess() {
    return files(FileAction.COPY) + files(FileAction.ADOPT) + files(FileAction.RECHECK);
  }

  long bytesToProcess() {
    return bytes(FileAction.COPY) + bytes(FileAction.ADOPT) + bytes(FileAction.RECHECK);
  }

  long totalFiles() {
    return byAction.values().stream().mapToLong(s -> s[0]).sum();
  }

  long totalBytes() {
    return byAction.values().stream().mapToLong(s -> s[1]).sum();
  }

  /** Target files with no source file at the same path; a copy leaves them alone. */
  long extraTargetFiles() {
    return extraTargetFiles;
  }
}
