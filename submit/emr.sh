#!/usr/bin/env bash
# Adds Lepton Migrate as a step to a running Amazon EMR cluster with `aws emr add-steps`. The
# command-runner.jar step runs spark-submit on the primary node in client mode, so the step fails
# exactly when the job exits with a code other than 0.
# Run `submit/emr.sh --help` for the inputs.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=submit/common.sh
source "$home/submit/common.sh"

# Delta as EMR 7 installs it; EMR 7.0 renamed delta-core.jar to delta-spark.jar.
readonly EMR_DELTA_JARS=/usr/share/aws/delta/lib/delta-spark.jar,/usr/share/aws/delta/lib/delta-storage.jar

usage() {
  cat <<EOF
Usage: $script_name [--dry-run] COMMAND [JOB OPTIONS]...

Adds a step that runs spark-submit with the job's main class, jar and Delta settings, and passes
COMMAND and the job's options to the job unchanged. --dry-run prints the command and runs nothing.
Credentials come from the AWS CLI's own chain (profile, environment or instance role).

Environment:
  LEPTON_EMR_CLUSTER_ID   id of the running cluster (required), for example j-2AXXXXXXGAPLF
  LEPTON_JAR              S3 URI of the jar built by 'mvn package' (required)
  LEPTON_CONFIG           S3 URI of a job config file; the step copies it to the primary node and
                          passes it to the job as --config
  LEPTON_EMR_REGION       --region (default: the AWS CLI's configured region)
  LEPTON_EMR_STEP_NAME    step name (default: lepton-migrate COMMAND)
  LEPTON_EMR_ACTION_ON_FAILURE  CONTINUE (default), CANCEL_AND_WAIT or TERMINATE_CLUSTER
  LEPTON_DELTA            emr (default): --jars with the Delta jars EMR installs (EMR 7.8 or later
                          ships Delta 3.3); packages: --packages $(delta_package);
                          provided: the cluster was created with Delta on the class path
  LEPTON_DELTA_VERSION    Delta release for --packages (default $DELTA_DEFAULT_VERSION)
  LEPTON_JAVA17_FLAGS     0 (default: EMR 7 runs Spark on Java 17 and its spark-submit adds them) or 1

Example:
  LEPTON_EMR_CLUSTER_ID=j-2AXXXXXXGAPLF LEPTON_JAR=s3://my-bucket/lepton-migrate-0.1.0-SNAPSHOT.jar \\
    $script_name sync --source s3a://old-lake/ --target s3a://new-lake/
EOF
}

# Runs on the primary node when LEPTON_CONFIG is set: copies the config file from S3 to a local
# file, because in client mode the driver reads it from local disk, then runs spark-submit with
# --config added and exits with its code. Its arguments are the config URI and the command.
# shellcheck disable=SC2016
readonly EMR_CONFIG_WRAPPER='set -euo pipefail; config_uri=$1; shift; config=$(mktemp --suffix=.conf); trap '\''rm -f "$config"'\'' EXIT; hadoop fs -get -f "$config_uri" "$config"; "$@" --config "$config"'

parse_script_arguments "$@"

require_env LEPTON_EMR_CLUSTER_ID "the id of the running EMR cluster that runs the step" j-2AXXXXXXGAPLF
require_env LEPTON_JAR "the S3 URI of the jar built by 'mvn package'" \
  s3://my-bucket/lepton/lepton-migrate-0.1.0-SNAPSHOT.jar
delta=${LEPTON_DELTA:-emr}
require_one_of LEPTON_DELTA "$delta" "emr packages provided"
java17=${LEPTON_JAVA17_FLAGS:-0}
require_one_of LEPTON_JAVA17_FLAGS "$java17" "1 0"
action_on_failure=${LEPTON_EMR_ACTION_ON_FAILURE:-CONTINUE}
require_one_of LEPTON_EMR_ACTION_ON_FAILURE "$action_on_failure" "CONTINUE CANCEL_AND_WAIT TERMINATE_CLUSTER"

spark_submit=(spark-submit --deploy-mode client --class "$JOB_MAIN_CLASS")
spark_submit_settings "$java17" "$delta"
spark_submit+=("${spark_settings[@]}")
if [[ "$delta" == emr ]]; then
  spark_submit+=(--jars "$EMR_DELTA_JARS")
fi
spark_submit+=("$LEPTON_JAR" "${job_args[@]}")

step_args=("${spark_submit[@]}")
if [[ -n "${LEPTON_CONFIG:-}" ]]; then
  reject_config_in_job_args
  if ! is_uri "$LEPTON_CONFIG"; then
    fail_usage "Cannot ship LEPTON_CONFIG=$LEPTON_CONFIG: the step runs on the cluster, so give a URI" \
      "it can read, for example: export LEPTON_CONFIG=s3://my-bucket/lepton/nightly-sync.conf"
  fi
  step_args=(bash -c "$EMR_CONFIG_WRAPPER" lepton-migrate-step "$LEPTON_CONFIG" "${spark_submit[@]}")
fi

step_name=${LEPTON_EMR_STEP_NAME:-lepton-migrate ${job_args[0]}}
steps_json="[{\"Type\":\"CUSTOM_JAR\",\"Name\":$(json_string "$step_name"),\"ActionOnFailure\":$(json_string "$action_on_failure"),\"Jar\":\"command-runner.jar\",\"Args\":$(json_string_array "${step_args[@]}")}]"

command=(aws emr add-steps --cluster-id "$LEPTON_EMR_CLUSTER_ID")
if [[ -n "${LEPTON_EMR_REGION:-}" ]]; then
  command+=(--region "$LEPTON_EMR_REGION")
fi
command+=(--steps "$steps_json")
run_or_print "${command[@]}"
