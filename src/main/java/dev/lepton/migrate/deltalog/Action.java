package dev.lepton.migrate.deltalog;

/**
 * One action of a Delta commit or checkpoint. Only the fields this job uses are kept; action
 * types this package does not know are skipped when reading, as the protocol requires.
 */
public sealed interface Action
    permits AddFile,
        RemoveFile,
        AddCdcFile,
        Metadata,
        Protocol,
        CommitInfo,
        SetTransaction,
        DomainMetadata,
        CheckpointMetadata,
        Sidecar {}
