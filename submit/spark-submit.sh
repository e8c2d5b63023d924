#!/usr/bin/env bash
# Submits Lepton Migrate with spark-submit to any cluster it can reach: YARN, Spark standalone, or
# a Kubernetes master given as LEPTON_MASTER (submit/kubernetes.sh sets the pod settings for that).
# Run `submit/spark-submit.sh --help` for the inputs.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=submit/common.sh
source "$home/submit/common.sh"

usage() {
  cat <<EOF
Usage: $script_name [--dry-run] COMMAND [JOB OPTIONS]...

Runs spark-submit with the job's main class, jar and Delta settings, and passes COMMAND and the
job's options to the job unchanged. --dry-run prints the command and runs nothing.

Environment:
  LEPTON_JAR           the jar built by 'mvn package' (default: target/lepton-migrate-*.jar here)
  LEPTON_MASTER        --master, for example yarn or spark://host:7077 (default: spark-defaults.conf)
  LEPTON_DEPLOY_MODE   client (default) or cluster; in client mode spark-submit exits with the
                       job's exit code
  LEPTON_CONFIG        job config file; in client mode a local file, in cluster mode shipped with
                       --files and passed to the job as --config with its file name
  LEPTON_DELTA         packages (default): --packages $(delta_package);
                       provided: the cluster has Delta $DELTA_DEFAULT_VERSION on its class path
  LEPTON_DELTA_VERSION Delta release for --packages (default $DELTA_DEFAULT_VERSION)
  LEPTON_JAVA17_FLAGS  auto (default: only for a standalone master in cluster mode), 1 or 0
  LEPTON_SPARK_SUBMIT  the spark-submit program (default: spark-submit on PATH)

Example:
  LEPTON_MASTER=yarn $script_name copy --source s3a://old-lake/ --target gs://new-lake/
EOF
}

parse_script_arguments "$@"

jar=${LEPTON_JAR:-}
if [[ -z "$jar" ]]; then
  for candidate in "$home"/target/lepton-migrate-*.jar; do
    if [[ -f "$candidate" && "$candidate" != *original-* && "$candidate" != *-sources.jar ]]; then
      jar=$candidate
      break
    fi
  done
fi
if [[ -z "$jar" ]]; then
  require_env LEPTON_JAR "the jar built by 'mvn package' (none found in $home/target)" \
    /path/to/lepton-migrate-0.1.0-SNAPSHOT.jar
fi
deploy_mode=${LEPTON_DEPLOY_MODE:-client}
require_one_of LEPTON_DEPLOY_MODE "$deploy_mode" "client cluster"
delta=${LEPTON_DELTA:-packages}
require_one_of LEPTON_DELTA "$delta" "packages provided"
java17=${LEPTON_JAVA17_FLAGS:-auto}
require_one_of LEPTON_JAVA17_FLAGS "$java17" "auto 1 0"
master=${LEPTON_MASTER:-}

if [[ "$java17" == auto ]]; then
  java17=0
  # A standalone master in cluster mode has a worker start the driver, not Spark's launcher.
  # NOTE: inferred from the launcher code, not tried on a standalone cluster.
  if [[ "$master" == spark://* && "$deploy_mode" == cluster ]]; then
    java17=1
  fi
fi

command=("${LEPTON_SPARK_SUBMIT:-spark-submit}")
if [[ -n "$master" ]]; then
  command+=(--master "$master")
fi
command+=(--deploy-mode "$deploy_mode" --name "lepton-migrate ${job_args[0]}" --class "$JOB_MAIN_CLASS")
spark_submit_settings "$java17" "$delta"
command+=("${spark_settings[@]}")

config_args=()
if [[ -n "${LEPTON_CONFIG:-}" ]]; then
  reject_config_in_job_args
  if [[ "$deploy_mode" == client ]]; then
    # The driver runs here and reads the file itself; spark-submit does not fetch --files for it.
    if is_uri "$LEPTON_CONFIG" || [[ ! -f "$LEPTON_CONFIG" ]]; then
      fail_usage "Cannot read LEPTON_CONFIG=$LEPTON_CONFIG: in client mode the driver runs on this" \
        "machine and reads the config file from its local disk. Give a local file, or set" \
        "LEPTON_DEPLOY_MODE=cluster to ship it."
    fi
    config_args=(--config "$(cd "$(dirname "$LEPTON_CONFIG")" && pwd)/$(basename "$LEPTON_CONFIG")")
  else
    # In cluster mode --files puts the file into the driver's working directory.
    command+=(--files "$LEPTON_CONFIG")
    config_args=(--config "$(basename "$LEPTON_CONFIG")")
  fi
fi

command+=("$jar" "${job_args[@]}" ${config_args[@]+"${config_args[@]}"})
run_or_print "${command[@]}"
