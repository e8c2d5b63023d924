package dev.lepton.migrate.cli;

import java.util.Map;

/** Help text of the tool and of each command. */
final class Help {
  private Help() {}

  static final String COMMON = """
      Options (every command):
        --config FILE        HOCON file with settings under `migration` (see conf/ for examples)
        --source URI         source root; sets migration.source (local path, file://, hdfs://,
                             s3a://, gs://, abfs(s)://, wasb://)
        --target URI         target root; sets migration.target
        --set KEY=VALUE      sets one key under `migration`, e.g. --set migration.copy.checksum=md5;
                             repeatable; wins over the config file
        --conf KEY=VALUE     Spark or Hadoop setting, as with spark-submit, e.g.
                             --conf spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9090; repeatable
        --log-level LEVEL    console log level of Spark and the job: error, warn (default), info, debug
        --help               prints this help; COMMAND --help prints the command's help
      """;

  static final Map<String, String> COMMANDS = Map.of(
      "plan", """
          Usage: lepton-migrate plan --source URI --target URI [options]
          Lists source and target, compares them with the manifest of earlier runs and prints how many
          files and bytes a copy would copy, skip, adopt or find in conflict. Writes nothing.
          """,
      "copy", """
          Usage: lepton-migrate copy --source URI --target URI [options]
          Copies every file below the source root to the same relative path below the target root,
          reading each source byte once and checking a checksum (CRC32C by default) on the target.
          Delta tables are copied data files first, then their log in commit order. A rerun copies only
          new, changed, failed or mismatched files. The manifest, run history and a JSON report go to
          the state folder (migration.state-dir, default `_lepton` below the target).
            --checksum ALG       sets migration.copy.checksum: crc32c, md5 or sha256
            --verify MODE        sets migration.copy.verify: checksum, size or none
            --state-dir DIR      sets migration.state-dir
          Exit codes: 0 done; 1 some files failed; 2 invalid usage or config; 3 the target holds
          different files not written by this job (nothing is copied then).
          """,
      "sync", """
          Usage: lepton-migrate sync --source URI --target URI [--overwrite-diverged] [options]
          Brings the target up to date with the source, for a scheduler to run every night. Every folder
          below the source that holds a _delta_log is a Delta table (or those in migration.sync.tables);
          each syncs on its own, several at a time, by replaying the source's log: the data, deletion
          vector, change data and checkpoint files of the new versions first, then their commit files
          in version order, each created only if absent, then _last_checkpoint. The target keeps the
          same versions and history as the source. Other folders sync by listing diff against the
          manifest. A sync right after another copies nothing; a killed sync continues where it
          stopped. Each table's lease in the state folder keeps two syncs from writing it at once.
            --overwrite-diverged  confirms that a table whose target log diverged from the source's may
                                  be overwritten; needs migration.sync.on-divergence = overwrite too.
                                  The target's diverging log files are kept in the state folder.
            --checksum ALG        sets migration.copy.checksum: crc32c, md5 or sha256
            --verify MODE         sets migration.copy.verify: checksum, size or none
            --state-dir DIR       sets migration.state-dir
          Exit codes: 0 done; 1 some table or file failed; 2 invalid usage or config; 3 a table is
          locked by another run, or its target log diverged (nothing is written to that table).
          """,
      "verify", """
          Usage: lepton-migrate verify --source URI --target URI [options]
          Re-reads every target file the manifest records and compares size and checksum, checks that
          each source file is unchanged, marks differing files `mismatch` in the manifest (the next copy
          copies them again), and compares row counts of every Delta table per table and partition.
          Results go to the reconciliation table in the state folder.
          Exit codes: 0 all match; 1 a mismatch, or something could not be verified (exit 0 for that
          with migration.verify.fail-on-unverified = false); 2 invalid usage or config, or the source
          folder does not exist. A missing target is a mismatch of every file, and verify does not
          create it.
          """,
      "size", """
          Usage: lepton-migrate size --target URI --volume SIZE (--files N | --avg-file-size SIZE)
                                     --window DURATION [--run RUN_ID[,RUN_ID...]] [options]
          Recommends clusters for a migration from the throughput an earlier copy measured. Reads the
          manifest in the state folder of that copy's target (--target, migration.state-dir), fits
          time per file = overhead + bytes / per-stream rate by least squares over the copied files,
          and prints per instance type of migration.size.instances the executor nodes, cores, which
          bound decided (copy slots or network) and the expected duration. Reads only; starts no Spark.
            --volume SIZE          bytes to migrate, e.g. 120TiB (TiB = 2^40 bytes, TB = 10^12)
            --files N              files to migrate, e.g. 4000000
            --avg-file-size SIZE   their mean size instead of --files, e.g. 32MiB
            --window DURATION      time the migration may take, e.g. 8h, 36h, 2d
            --run RUN_ID           fit only the copies of these runs (comma-separated); default all runs
            --state-dir DIR        sets migration.state-dir, when the sample copy used another one
          The catalog is empty by default: conf/size-catalog-example.conf lists example types whose
          values you must check. Exit codes: 0 done; 2 invalid usage or config, no manifest, an unknown
          run, or too few measured copies for a fit (nothing is guessed).
          """,
      "generate", """
          Usage: lepton-migrate generate --target URI [--scale-factor N] [options]
          Writes sample data below the target: the eight TPC-H tables as Delta tables under tpch/
          (lineitem partitioned by ship year, orders by order year) and a folder raw/ of CSV, JSON lines
          and binary files with awkward names, zero-byte files and nested folders.
            --scale-factor N     sets migration.generate.scale-factor (default 0.1; 1 is about 1 GB)
          """);

  static String tool() {
    return """
        Lepton Migrate: copies data lakes between object stores and verifies the copy.

        Usage: lepton-migrate COMMAND [options]

        Commands:
          plan       print what a copy would do, without writing anything
          copy       copy files and Delta tables with checksums; resumable
          sync       bring the target up to date: Delta tables by log replay, other folders by diff
          verify     re-check target files and compare Delta row counts
          size       recommend cluster sizes for a volume and time window from a copy's throughput
          generate   write TPC-H Delta tables and raw sample files

        """ + COMMON;
  }

  static String command(String name) {
    return COMMANDS.get(name) + "\n" + COMMON;
  }
}
