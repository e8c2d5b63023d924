#!/usr/bin/env bash
# Measures a no-op `sync` of the folders that are not Delta tables: a lake of small TPC-H Delta
# tables plus plain folders of about 400 files is synced once to an empty target, then again
# RUNS times with nothing changed. Prints, per sync, the folder sync's time and the sync's wall
# time (without start-up) from the run's JSON report.
#
# Usage: [LEPTON=path/to/bin/lepton-migrate] benchmarks/sync-noop-folders.sh [WORK_DIR] [RUNS]
#   WORK_DIR  where the source and target go (default /tmp/lepton-noop-bench); the source is
#             generated once and reused by later runs
#   RUNS      no-op syncs after the first one (default 3)
#   LEPTON    the launcher to measure (default this checkout's bin/lepton-migrate), so two builds
#             can run back to back on the same lake
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lepton="${LEPTON:-$home/bin/lepton-migrate}"
work="${1:-/tmp/lepton-noop-bench}"
runs="${2:-3}"
source_root="$work/source"
target_root="$work/target"

if [[ ! -d "$source_root/tpch" ]]; then
  echo "Generating TPC-H at scale factor 0.01 and raw files into $source_root"
  "$lepton" generate --target "$source_root" --scale-factor 0.01 >/dev/null
  # Two more plain folders: 200 CSV files in 10 partition folders, and 100 JSON files.
  for day in $(seq 1 10); do
    mkdir -p "$source_root/landing/day=$day"
    for n in $(seq 1 20); do
      printf 'id,value\n%d,%d\n' "$day" "$n" >"$source_root/landing/day=$day/file-$n.csv"
    done
  done
  mkdir -p "$source_root/events"
  for n in $(seq 1 100); do
    printf '{"event":%d}\n' "$n" >"$source_root/events/event-$n.json"
  done
fi
echo "Source: $(find "$source_root" -type f -not -path '*/tpch/*' | wc -l) files outside Delta tables"
rm -rf "$target_root"

# Runs one sync and prints "folder_ms wall_ms files_to_copy" from its JSON report.
run_sync() {
  "$lepton" sync --source "$source_root" --target "$target_root" >"$work/sync.log" 2>&1
  local report
  report="$(ls -t "$target_root"/_lepton/reports/*.json | head -n 1)"
  python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
folders = report["folders"]
print(folders["duration_ms"], report["wall_ms"], folders["files_to_copy"])
PY
}

echo "first sync: folder_ms wall_ms files_to_copy: $(run_sync)"
for run in $(seq 1 "$runs"); do
  echo "no-op sync $run: folder_ms wall_ms files_to_copy: $(run_sync)"
done
echo "load: $(uptime)"
