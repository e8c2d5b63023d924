#!/usr/bin/env bash
# Times a local-to-local copy of the same data with cp, rclone, Hadoop DistCp (local mode) and
# Lepton Migrate, one after another on the same machine, and prints each tool's wall time and its
# ratio to Lepton Migrate's. Lepton Migrate's time includes JVM and Spark start-up and its default
# checksum check, which re-reads every target file. cp does not check, rclone compares sizes and
# modification times, and DistCp compares CRCs only when both sides are HDFS.
#
# Usage: benchmarks/copy-local.sh [--size 2GiB] [--dir DIR]
#   --size SIZE   total size of raw sample files (with a 1/4-sized large file on top)
#   --dir DIR     work folder (default target/bench-copy); source and targets are replaced
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=2GiB
dir="$home/target/bench-copy"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "ERROR: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
lib="$home/target/lib"
[[ -d "$lib" ]] || { echo "ERROR: run 'mvn package -DskipTests' first" >&2; exit 2; }

# DistCp and its few dependencies that Spark's jars do not bring.
distcp_lib="$dir/distcp-lib"
if [[ ! -d "$distcp_lib" ]]; then
  for artifact in org.apache.hadoop:hadoop-distcp:3.3.4 commons-cli:commons-cli:1.2 \
      org.apache.commons:commons-lang3:3.12.0; do
    mvn -q -B -ntp dependency:copy -Dartifact="$artifact" -DoutputDirectory="$distcp_lib" -Dtransitive=false
  done
fi

rm -rf "$dir/source" "$dir/out-"*
echo "== Writing $size of raw files to $dir/source"
"$home/bin/lepton-migrate" generate --target "$dir/source" --set migration.generate.tables='["region"]' \
  --set migration.generate.raw-size="$size" \
  --set migration.generate.large-file-size="$(numfmt --from=iec "${size%iB}" | awk '{print int($1/4)}')" >/dev/null
bytes=$(du -sb "$dir/source/raw" | cut -f1)
files=$(find "$dir/source/raw" -type f | wc -l)
echo "   $files files, $bytes bytes"

declare -A seconds
timed() {
  local name="$1"; shift
  sync
  local start end
  start=$(date +%s.%N)
  "$@" >"$dir/$name.log" 2>&1
  end=$(date +%s.%N)
  seconds[$name]=$(echo "$end - $start" | bc)
  echo "   $name: ${seconds[$name]} s"
}

echo "== Copying"
timed cp cp -r "$dir/source/raw" "$dir/out-cp"
if command -v rclone >/dev/null; then
  timed rclone rclone copy --transfers 4 "$dir/source/raw" "$dir/out-rclone"
fi
timed distcp java -cp "$lib/*:$distcp_lib/*" org.apache.hadoop.tools.DistCp \
  -D mapreduce.framework.name=local -D mapreduce.cluster.local.dir="$dir/mr" -D hadoop.tmp.dir="$dir/tmp" \
  -m 4 "file://$dir/source/raw" "file://$dir/out-distcp"
timed lepton "$home/bin/lepton-migrate" copy --source "$dir/source/raw" --target "$dir/out-lepton"

echo "== Checking the copies"
diff -r "$dir/source/raw" "$dir/out-cp" >/dev/null && echo "   cp: identical"
diff -r "$dir/source/raw" "$dir/out-lepton" --exclude=_lepton >/dev/null && echo "   lepton: identical"

echo "== Wall time relative to Lepton Migrate (lower is faster)"
for name in cp rclone distcp lepton; do
  [[ -n "${seconds[$name]:-}" ]] || continue
  printf '   %-8s %8.1f s  %5.2fx\n' "$name" "${seconds[$name]}" "$(echo "${seconds[$name]} / ${seconds[lepton]}" | bc -l)"
done
grep -E "Throughput|Wall time" "$dir/lepton.log" | sed 's/^/   lepton /'
