#!/usr/bin/env bash
# Measures how the cost of `sync` follows the change: a full first sync of a TPC-H lineitem Delta
# table of at least 2 GB, then a 1% append, then a second sync. Start-up (JVM to command, and the
# SparkSession) is reported apart from the sync time, which each run's JSON report records.
#
# Usage: [DROP_CACHES=1] benchmarks/sync-incremental.sh [WORK_DIR] [SCALE_FACTOR]
#   WORK_DIR      where the source and target go (default /tmp/lepton-sync-bench); the source is
#                 generated once and reused by later runs
#   SCALE_FACTOR  TPC-H scale factor of lineitem (default 12, about 2.4 GiB of Snappy Parquet)
#   DROP_CACHES=1 empties the page cache before each sync (needs root), so both syncs read the
#                 source from disk as a sync reads a remote store, not from memory
#   LEPTON_CDS=0  runs both syncs without the launcher's class data archive, as spark-submit does
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/lepton-sync-bench}"
scale="${2:-12}"
source_root="$work/source"
target_root="$work/target"
table="$source_root/tpch/lineitem"

if ! ls "$home"/target/lepton-migrate-*.jar >/dev/null 2>&1 || [[ ! -d "$home/target/lib" ]]; then
  (cd "$home" && mvn -q -o package -DskipTests)
fi
jar="$(ls "$home"/target/lepton-migrate-*.jar | grep -v original- | head -n 1)"

if [[ ! -d "$table/_delta_log" ]]; then
  echo "Generating lineitem at scale factor $scale into $source_root"
  "$home/bin/lepton-migrate" generate --target "$source_root" --scale-factor "$scale" \
    --set 'migration.generate.tables=["lineitem"]' --set migration.generate.raw-files=false
fi
source_bytes="$(du -sb "$table" | cut -f1)"
echo "Source table: $table, $((source_bytes / 1048576)) MiB"
if (( source_bytes < 2 * 1024 * 1024 * 1024 )); then
  echo "WARNING: the source table is below 2 GiB; raise SCALE_FACTOR." >&2
fi

rm -rf "$target_root"

# The launcher records a class data archive on its first job after a build (see README.md). That
# run exits later and loads classes slower, so it must not be the measured full sync: record the
# archive with an unmeasured sync first. LEPTON_CDS=0 measures without the archive.
archive="${jar%.jar}.jsa"
if [[ "${LEPTON_CDS:-1}" != 0 && ! ( -f "$archive" && "$archive" -nt "$jar" ) ]]; then
  echo "Recording the launcher's class data archive with an unmeasured sync ..."
  "$home/bin/lepton-migrate" sync --source "$source_root" --target "$work/archive-run" >"$work/archive-run.log" 2>&1
  rm -rf "$work/archive-run"
fi
if [[ "${LEPTON_CDS:-1}" != 0 ]]; then
  echo "Class data archive: $archive"
else
  echo "Class data archive: off (LEPTON_CDS=0)"
fi

# Runs one sync and prints "wall_ms jvm_ms session_ms sync_ms files bytes" from its JSON report.
run_sync() {
  local log="$1"
  local started ended
  if [[ "${DROP_CACHES:-0}" == 1 ]]; then
    sync && echo 3 > /proc/sys/vm/drop_caches
  fi
  started="$(date +%s%3N)"
  "$home/bin/lepton-migrate" sync --source "$source_root" --target "$target_root" >"$log" 2>&1
  ended="$(date +%s%3N)"
  local report
  report="$(ls -t "$target_root"/_lepton/reports/*.json | head -n 1)"
  python3 - "$report" "$((ended - started))" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
table = report["tables"][0]
print(sys.argv[2], report["startup_ms"]["jvm"], report["startup_ms"]["spark_session"], report["wall_ms"],
      table["files_copied"], table["bytes_copied"], table["versions_synced"])
PY
}

echo "Full sync ..."
read -r full_process full_jvm full_session full_sync full_files full_bytes full_versions < <(run_sync "$work/full-sync.log")

echo "Appending 1% of the rows ..."
"$home/benchmarks/append-rows.sh" "$table" 0.01

echo "Incremental sync ..."
read -r inc_process inc_jvm inc_session inc_sync inc_files inc_bytes inc_versions < <(run_sync "$work/incremental-sync.log")

printf '\n%-12s %10s %10s %12s %10s %8s %14s %s\n' "run" "process" "JVM" "Spark sess." "sync" "files" "bytes" "versions"
printf '%-12s %9.1fs %9.1fs %11.1fs %9.1fs %8d %14d %s\n' full "$(bc -l <<<"$full_process/1000")" \
  "$(bc -l <<<"$full_jvm/1000")" "$(bc -l <<<"$full_session/1000")" "$(bc -l <<<"$full_sync/1000")" \
  "$full_files" "$full_bytes" "$full_versions"
printf '%-12s %9.1fs %9.1fs %11.1fs %9.1fs %8d %14d %s\n' incremental "$(bc -l <<<"$inc_process/1000")" \
  "$(bc -l <<<"$inc_jvm/1000")" "$(bc -l <<<"$inc_session/1000")" "$(bc -l <<<"$inc_sync/1000")" \
  "$inc_files" "$inc_bytes" "$inc_versions"
printf '\nIncremental sync time / full sync time: %.1f%% (target: at most 5%%)\n' \
  "$(bc -l <<<"100*$inc_sync/$full_sync")"
