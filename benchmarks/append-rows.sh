#!/usr/bin/env bash
# Appends a share of a Delta table's rows to the same table as one new commit, so that the next
# `sync` has a change to carry. Runs benchmarks/AppendRows.java with the launcher's class path.
#
# Usage: benchmarks/append-rows.sh TABLE_PATH [SHARE]
#   TABLE_PATH  a local Delta table, for example demo-data/source/tpch/orders
#   SHARE       the share of its rows to append, default 0.01 (1%)
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -lt 1 || ! -d "$1/_delta_log" ]]; then
  echo "Usage: benchmarks/append-rows.sh TABLE_PATH [SHARE]; TABLE_PATH must be a Delta table (a folder" \
    "with a _delta_log), got '${1:-}'." >&2
  exit 2
fi
LEPTON_HEAP="${LEPTON_HEAP:-4g}" LEPTON_MAIN="$home/benchmarks/AppendRows.java" \
  exec "$home/bin/lepton-migrate" "$1" "${2:-0.01}"
