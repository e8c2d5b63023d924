#!/usr/bin/env bash
# Starts Lepton Migrate as a one-time Databricks run (Jobs API 2.1, POST /api/2.1/jobs/runs/submit)
# with a spark_jar_task. The Databricks Runtime brings Spark and Delta itself, so the run names only
# the main class, the jar and the job's arguments. The API returns the run id, and the run's
# result comes from the Jobs UI or GET /api/2.1/jobs/runs/get.
# Run `submit/databricks.sh --help` for the inputs.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=submit/common.sh
source "$home/submit/common.sh"

# Databricks Runtime 16.4 LTS: Spark 3.5.2, a Scala 2.12 variant, and JDK 17 by default (from 16.0).
readonly DATABRICKS_DEFAULT_SPARK_VERSION=16.4.x-scala2.12
readonly RUNS_SUBMIT_PATH=/api/2.1/jobs/runs/submit

usage() {
  cat <<EOF
Usage: $script_name [--dry-run] COMMAND [JOB OPTIONS]...

Submits a one-time run of the job's main class and jar and passes COMMAND and the job's options
to the job unchanged. --dry-run prints the command and the request body and runs nothing.

Authentication: with DATABRICKS_HOST and DATABRICKS_TOKEN in the environment the script calls the
API with curl and hands the token to curl on standard input, never on the command line. Without
DATABRICKS_TOKEN it calls 'databricks api post', which authenticates with the Databricks CLI's own
configuration (DATABRICKS_CONFIG_PROFILE selects a profile).

Environment:
  LEPTON_JAR                       the jar built by 'mvn package' in a Unity Catalog volume or the
                                   workspace (required), for example /Volumes/main/default/jars/lepton-migrate.jar
  LEPTON_CONFIG                    job config file the driver can read, such as a /Volumes/... path,
                                   passed to the job as --config
  LEPTON_DATABRICKS_CLUSTER_ID     run on this existing cluster, or else on a new cluster:
  LEPTON_DATABRICKS_NODE_TYPE      node type of the new cluster, for example i3.xlarge
  LEPTON_DATABRICKS_WORKERS        number of workers of the new cluster (default 2)
  LEPTON_DATABRICKS_SPARK_VERSION  runtime of the new cluster (default $DATABRICKS_DEFAULT_SPARK_VERSION)
  LEPTON_DATABRICKS_RUN_NAME       run name (default: lepton-migrate COMMAND)

Example:
  LEPTON_JAR=/Volumes/main/default/jars/lepton-migrate-0.1.0-SNAPSHOT.jar \\
    LEPTON_DATABRICKS_CLUSTER_ID=0923-164208-meows279 \\
    $script_name verify --source s3a://old-lake/ --target abfss://lake@account.dfs.core.windows.net/
EOF
}

parse_script_arguments "$@"

require_env LEPTON_JAR "the jar built by 'mvn package', uploaded to a Unity Catalog volume or the workspace" \
  /Volumes/main/default/jars/lepton-migrate-0.1.0-SNAPSHOT.jar

parameters=("${job_args[@]}")
if [[ -n "${LEPTON_CONFIG:-}" ]]; then
  reject_config_in_job_args
  parameters+=(--config "$LEPTON_CONFIG")
fi

if [[ -n "${LEPTON_DATABRICKS_CLUSTER_ID:-}" ]]; then
  cluster_json="\"existing_cluster_id\":$(json_string "$LEPTON_DATABRICKS_CLUSTER_ID")"
else
  require_env LEPTON_DATABRICKS_NODE_TYPE \
    "the node type of the new cluster for the run (or set LEPTON_DATABRICKS_CLUSTER_ID to use an existing cluster)" \
    i3.xlarge
  workers=${LEPTON_DATABRICKS_WORKERS:-2}
  if [[ ! "$workers" =~ ^[0-9]+$ ]]; then
    fail_usage "Invalid LEPTON_DATABRICKS_WORKERS '$workers': give a whole number of workers, for example 2."
  fi
  cluster_json="\"new_cluster\":{\"spark_version\":$(json_string "${LEPTON_DATABRICKS_SPARK_VERSION:-$DATABRICKS_DEFAULT_SPARK_VERSION}"),\"node_type_id\":$(json_string "$LEPTON_DATABRICKS_NODE_TYPE"),\"num_workers\":$workers}"
fi
run_name=${LEPTON_DATABRICKS_RUN_NAME:-lepton-migrate ${job_args[0]}}
body="{\"run_name\":$(json_string "$run_name"),\"tasks\":[{\"task_key\":\"lepton_migrate\",$cluster_json,\"spark_jar_task\":{\"main_class_name\":$(json_string "$JOB_MAIN_CLASS"),\"parameters\":$(json_string_array "${parameters[@]}")},\"libraries\":[{\"jar\":$(json_string "$LEPTON_JAR")}]}]}"

if [[ -n "${DATABRICKS_TOKEN:-}" ]]; then
  require_env DATABRICKS_HOST "the workspace URL that DATABRICKS_TOKEN belongs to" \
    https://dbc-a1b2c3d4-e5f6.cloud.databricks.com
  command=(curl --fail-with-body --silent --show-error --request POST --header @- --data "$body"
    "${DATABRICKS_HOST%/}$RUNS_SUBMIT_PATH")
  if [[ "$dry_run" == true ]]; then
    printf '# Standard input of curl: Authorization: Bearer **** (the token from DATABRICKS_TOKEN)\n'
    run_or_print "${command[@]}"
  else
    # printf is a shell builtin, so the token appears in no process's arguments.
    printf 'Authorization: Bearer %s\n' "$DATABRICKS_TOKEN" | "${command[@]}"
    printf '\n'
  fi
else
  run_or_print databricks api post "$RUNS_SUBMIT_PATH" --json "$body"
fi
