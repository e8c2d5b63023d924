#!/usr/bin/env bash
# Submits Lepton Migrate to Kubernetes with spark-submit in cluster mode: the driver runs in a pod
# of the given image and namespace, under the given service account, and starts the executor pods.
# Run `submit/kubernetes.sh --help` for the inputs.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=submit/common.sh
source "$home/submit/common.sh"

usage() {
  cat <<EOF
Usage: $script_name [--dry-run] COMMAND [JOB OPTIONS]...

Runs spark-submit against a Kubernetes master with the job's main class, jar and Delta settings,
and passes COMMAND and the job's options to the job unchanged. --dry-run prints the command and
runs nothing. spark-submit uses the credentials of your kubeconfig.

Environment:
  LEPTON_K8S_MASTER           API server as a Spark master URL (required), for example k8s://https://203.0.113.10:6443
  LEPTON_K8S_IMAGE            image with Spark 3.5 for Scala 2.12, Java 17 and the Hadoop connectors (required)
  LEPTON_K8S_SERVICE_ACCOUNT  service account that lets the driver create executor pods (required)
  LEPTON_K8S_NAMESPACE        namespace of the pods (default: default)
  LEPTON_JAR                  the jar: local:///path inside the image, or a URI the driver can read (required)
  LEPTON_CONFIG               job config file, shipped with --files and passed to the job as --config
                              with its file name
  LEPTON_K8S_UPLOAD_PATH      spark.kubernetes.file.upload.path: where spark-submit uploads local files
                              (a local jar or config, or the jars of LEPTON_DELTA=packages)
  LEPTON_DELTA                provided (default): the image has Delta $DELTA_DEFAULT_VERSION in its jars;
                              packages: --packages $(delta_package)
  LEPTON_DELTA_VERSION        Delta release for --packages (default $DELTA_DEFAULT_VERSION)
  LEPTON_JAVA17_FLAGS         0 (default: the driver pod starts the driver with spark-submit) or 1
  LEPTON_SPARK_SUBMIT         the spark-submit program (default: spark-submit on PATH)

Example:
  LEPTON_K8S_MASTER=k8s://https://203.0.113.10:6443 LEPTON_K8S_IMAGE=registry.example.com/lepton-spark:3.5 \\
    LEPTON_K8S_SERVICE_ACCOUNT=spark LEPTON_JAR=local:///opt/lepton/lepton-migrate.jar \\
    $script_name copy --source s3a://old-lake/ --target s3a://new-lake/
EOF
}

parse_script_arguments "$@"

require_env LEPTON_K8S_MASTER "the Kubernetes API server as a Spark master URL" k8s://https://203.0.113.10:6443
if [[ "$LEPTON_K8S_MASTER" != k8s://* ]]; then
  fail_usage "Invalid LEPTON_K8S_MASTER '$LEPTON_K8S_MASTER': a Kubernetes master URL starts with k8s://," \
    "for example k8s://https://203.0.113.10:6443."
fi
require_env LEPTON_K8S_IMAGE \
  "the container image with Spark 3.5 for Scala 2.12, Java 17, the Hadoop connectors and Delta" \
  registry.example.com/lepton-spark:3.5
require_env LEPTON_K8S_SERVICE_ACCOUNT "the service account that lets the driver create executor pods" spark
require_env LEPTON_JAR "the jar built by 'mvn package', as local:///path inside the image or a URI" \
  local:///opt/lepton/lepton-migrate-0.1.0-SNAPSHOT.jar
namespace=${LEPTON_K8S_NAMESPACE:-default}
delta=${LEPTON_DELTA:-provided}
require_one_of LEPTON_DELTA "$delta" "provided packages"
java17=${LEPTON_JAVA17_FLAGS:-0}
require_one_of LEPTON_JAVA17_FLAGS "$java17" "1 0"

# spark-submit uploads local files (and in cluster mode the jars that --packages resolves here) to
# spark.kubernetes.file.upload.path, so that the driver pod can fetch them.
needs_upload=""
if ! is_uri "$LEPTON_JAR"; then
  needs_upload="LEPTON_JAR=$LEPTON_JAR is a local file"
elif [[ -n "${LEPTON_CONFIG:-}" ]] && ! is_uri "$LEPTON_CONFIG"; then
  needs_upload="LEPTON_CONFIG=$LEPTON_CONFIG is a local file"
elif [[ "$delta" == packages ]]; then
  needs_upload="LEPTON_DELTA=packages resolves the Delta jars on this machine"
fi
if [[ -n "$needs_upload" ]]; then
  require_env LEPTON_K8S_UPLOAD_PATH \
    "the folder spark-submit uploads local files to for the driver pod, because $needs_upload" \
    s3a://my-bucket/spark-uploads
fi

command=("${LEPTON_SPARK_SUBMIT:-spark-submit}" --master "$LEPTON_K8S_MASTER" --deploy-mode cluster
  --name "lepton-migrate-${job_args[0]}" --class "$JOB_MAIN_CLASS"
  --conf "spark.kubernetes.container.image=$LEPTON_K8S_IMAGE"
  --conf "spark.kubernetes.namespace=$namespace"
  --conf "spark.kubernetes.authenticate.driver.serviceAccountName=$LEPTON_K8S_SERVICE_ACCOUNT")
if [[ -n "${LEPTON_K8S_UPLOAD_PATH:-}" ]]; then
  command+=(--conf "spark.kubernetes.file.upload.path=$LEPTON_K8S_UPLOAD_PATH")
fi
spark_submit_settings "$java17" "$delta"
command+=("${spark_settings[@]}")
config_args=()
if [[ -n "${LEPTON_CONFIG:-}" ]]; then
  reject_config_in_job_args
  # The driver pod's spark-submit downloads --files into the driver's working directory.
  command+=(--files "$LEPTON_CONFIG")
  config_args=(--config "$(basename "$LEPTON_CONFIG")")
fi
command+=("$LEPTON_JAR" "${job_args[@]}" ${config_args[@]+"${config_args[@]}"})
run_or_print "${command[@]}"
