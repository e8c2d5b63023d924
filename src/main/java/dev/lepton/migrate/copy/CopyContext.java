package dev.lepton.migrate.copy;

import dev.lepton.migrate.config.CopySettings;
import dev.lepton.migrate.store.Location;
import java.io.Serializable;

/** State shared by every copy task of one run: roots, the staging folder, settings and the run id. */
public record CopyContext(
    String runId, Location source, Location target, Location staging, CopySettings settings)
    implements Serializable {}
