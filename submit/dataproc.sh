#!/usr/bin/env bash
# Submits Lepton Migrate to a Dataproc cluster on Compute Engine with
# `gcloud dataproc jobs submit spark`. gcloud waits for the job, prints the driver's output and
# exits with an error when the job fails.
# Run `submit/dataproc.sh --help` for the inputs.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=submit/common.sh
source "$home/submit/common.sh"

usage() {
  cat <<EOF
Usage: $script_name [--dry-run] COMMAND [JOB OPTIONS]...

Submits a Spark job with the job's main class, jar and Delta settings, and passes COMMAND and the
job's options to the job unchanged. --dry-run prints the command and runs nothing. Credentials
come from gcloud's own configuration.

Environment:
  LEPTON_DATAPROC_CLUSTER  name of the cluster (required)
  LEPTON_DATAPROC_REGION   region of the cluster (required), for example europe-west1
  LEPTON_JAR               gs:// URI of the jar built by 'mvn package' (required)
  LEPTON_CONFIG            job config file (gs:// URI or local file), shipped with --files and
                           passed to the job as --config with its file name
  LEPTON_DELTA             packages (default): spark.jars.packages=$(delta_package);
                           provided: the cluster has Delta $DELTA_DEFAULT_VERSION on its class path
  LEPTON_DELTA_VERSION     Delta release for packages (default $DELTA_DEFAULT_VERSION)
  LEPTON_JAVA17_FLAGS      0 (default) or 1

Example:
  LEPTON_DATAPROC_CLUSTER=migration LEPTON_DATAPROC_REGION=europe-west1 \\
    LEPTON_JAR=gs://my-bucket/lepton-migrate-0.1.0-SNAPSHOT.jar \\
    $script_name copy --source gs://old-lake/ --target gs://new-lake/
EOF
}

parse_script_arguments "$@"

require_env LEPTON_DATAPROC_CLUSTER "the name of the Dataproc cluster that runs the job" lake-migration
require_env LEPTON_DATAPROC_REGION "the region of the Dataproc cluster" europe-west1
require_env LEPTON_JAR "the gs:// URI of the jar built by 'mvn package'" \
  gs://my-bucket/lepton/lepton-migrate-0.1.0-SNAPSHOT.jar
delta=${LEPTON_DELTA:-packages}
require_one_of LEPTON_DELTA "$delta" "packages provided"
java17=${LEPTON_JAVA17_FLAGS:-0}
require_one_of LEPTON_JAVA17_FLAGS "$java17" "1 0"

properties=("${DELTA_CONFS[@]}")
if [[ "$delta" == packages ]]; then
  properties+=("spark.jars.packages=$(delta_package)")
fi
if [[ "$java17" == 1 ]]; then
  while IFS= read -r conf; do
    properties+=("$conf")
  done < <(java17_confs)
fi
# gcloud splits --properties at commas; none of these values contains one.
joined_properties=$(IFS=,; printf '%s' "${properties[*]}")

command=(gcloud dataproc jobs submit spark
  "--cluster=$LEPTON_DATAPROC_CLUSTER" "--region=$LEPTON_DATAPROC_REGION"
  "--class=$JOB_MAIN_CLASS" "--jars=$LEPTON_JAR" "--properties=$joined_properties")
config_args=()
if [[ -n "${LEPTON_CONFIG:-}" ]]; then
  reject_config_in_job_args
  if [[ "$LEPTON_CONFIG" == *,* ]]; then
    fail_usage "Cannot ship LEPTON_CONFIG=$LEPTON_CONFIG: gcloud splits --files at commas. Rename the file."
  fi
  # NOTE: the Dataproc API reference (v1beta2) describes these files as copied to the working
  # directory of the driver and the executors, but the v1 text names only the executors.
  command+=("--files=$LEPTON_CONFIG")
  config_args=(--config "$(basename "$LEPTON_CONFIG")")
fi
command+=(-- "${job_args[@]}" ${config_args[@]+"${config_args[@]}"})
run_or_print "${command[@]}"
