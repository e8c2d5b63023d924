# shellcheck shell=bash
# Shared by the launch scripts in this folder, which source it: the job's main class, the Spark
# settings every platform needs, the parsing of the scripts' own options, the checks of their
# inputs and the dry-run output. The job's arguments (COMMAND and its options) pass through
# unchanged; only a dry run masks secret values in what it prints.

# The constants below are used by the scripts that source this file.
# shellcheck disable=SC2034

# The class spark-submit runs. SubmitScriptsTest checks it against the code.
readonly JOB_MAIN_CLASS=dev.lepton.migrate.cli.LeptonMigrate

# The Delta Lake release the jar is built against (delta.version in pom.xml), for platforms that
# do not provide Delta. The jar is built for Scala 2.12, so the artifact is delta-spark_2.12.
readonly DELTA_DEFAULT_VERSION=3.3.3

# Delta's SQL extension and catalog. The job sets both only when they are missing, so a value from
# the cluster's spark-defaults.conf (another extension, for example) would win. Given here, they
# replace that value.
readonly -a DELTA_CONFS=(
  spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension
  spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog
)

# The module flags Spark 3.5 needs on Java 17: the list of java17.flags in pom.xml. Spark 3.5's own
# launcher adds the same list to the JVMs it starts. In spark-launcher 3.5.9, JavaModuleOptions
# covers the spark-submit JVM and the YARN application master, and SparkContext adds it to the
# driver and executor options. So the scripts pass it only where asked, or where the launcher does
# not start the driver. They pass it as spark.{driver,executor}.defaultJavaOptions, which leaves a
# platform's extraJavaOptions alone but replaces its defaultJavaOptions.
readonly JAVA17_FLAGS="-XX:+IgnoreUnrecognizedVMOptions \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false"

readonly JOB_COMMANDS="plan copy sync verify generate"

# Keys whose values are secrets: the pattern the job uses to reject secrets in its config.
readonly SECRET_KEY_PATTERN='(secret|password|passwd|token|sas|account\.key|access\.key|signature)'

script_name="submit/$(basename "$0")"
dry_run=false
job_args=()

# Prints an error about the script's inputs and exits with 2, the job's code for invalid usage.
fail_usage() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 2
}

# Fails when the environment variable NAME is empty, naming it, its purpose and an example value.
require_env() {
  local name=$1 purpose=$2 example=$3
  if [[ -z "${!name:-}" ]]; then
    fail_usage "Missing $name: $purpose. Set it, for example: export $name=$example"
  fi
}

# Fails unless the value of the environment variable NAME is one of the allowed words.
require_one_of() {
  local name=$1 value=$2 allowed=$3
  if [[ " $allowed " != *" $value "* ]]; then
    fail_usage "Invalid $name '$value': use one of: $allowed."
  fi
}

# Splits the command line into the script's options and the job's arguments. Script options
# (--dry-run, --help) come before COMMAND; everything from COMMAND on, or after '--', goes to the
# job unchanged. --dry-run is also taken after COMMAND, because the job has no such option and the
# user asked for nothing to be submitted.
parse_script_arguments() {
  local command_seen=false
  while (($# > 0)); do
    if [[ "$1" == --dry-run ]]; then
      dry_run=true
    elif [[ "$command_seen" == true ]]; then
      job_args+=("$1")
    else
      case "$1" in
        -h | --help)
          usage
          exit 0
          ;;
        --)
          shift
          job_args+=("$@")
          break
          ;;
        -*)
          fail_usage "Unknown option '$1' for $script_name. Its own options are --dry-run and --help and" \
            "come before COMMAND; the job's options follow COMMAND, for example:" \
            "$script_name --dry-run copy --source URI --target URI"
          ;;
        *)
          command_seen=true
          job_args+=("$1")
          ;;
      esac
    fi
    shift
  done
  if ((${#job_args[@]} == 0)); then
    fail_usage "Missing COMMAND: give one of $JOB_COMMANDS and its options, for example:" \
      "$script_name copy --source URI --target URI"
  fi
  require_one_of COMMAND "${job_args[0]}" "$JOB_COMMANDS"
  warn_about_secret_arguments
  if [[ "$dry_run" == true ]]; then
    local index
    for index in "${!job_args[@]}"; do
      job_args[index]=$(mask_secret "${job_args[index]}")
    done
  fi
}

# Prints ARG with the value masked when ARG has the form KEY=VALUE (optionally after --option=)
# and KEY names a secret; prints other arguments unchanged.
mask_secret() {
  local arg=$1 prefix=""
  if [[ "$arg" == --*=*=* ]]; then
    prefix="${arg%%=*}="
    arg=${arg#*=}
  fi
  if [[ "$arg" == *=* ]] && is_secret_key "${arg%%=*}"; then
    printf '%s%s=****' "$prefix" "${arg%%=*}"
  else
    printf '%s%s' "$prefix" "$arg"
  fi
}

is_secret_key() {
  local key
  key=$(tr '[:upper:]' '[:lower:]' <<<"$1")
  [[ "$key" =~ $SECRET_KEY_PATTERN ]]
}

# Warns about job arguments that carry a secret: the platforms keep job arguments with the job
# (step definitions, job records, process lists), where others can read them.
warn_about_secret_arguments() {
  local arg masked
  for arg in "${job_args[@]}"; do
    masked=$(mask_secret "$arg")
    if [[ "$masked" != "$arg" ]]; then
      printf 'WARNING: The job argument %s puts a secret on the command line, where the platform keeps it with the job. Give the store a credentials provider instead (README.md, "Configuration").\n' \
        "$masked" >&2
    fi
  done
}

# Fails when the job's arguments already name a config file and the script ships one as well.
reject_config_in_job_args() {
  local arg
  for arg in "${job_args[@]}"; do
    if [[ "$arg" == --config || "$arg" == --config=* ]]; then
      fail_usage "Cannot ship LEPTON_CONFIG=$LEPTON_CONFIG and also pass --config to the job: the" \
        "script adds --config for the shipped file. Remove one of them."
    fi
  done
}

# Whether the path is a URI with a scheme (s3://, gs://, local:// ...) rather than a local path.
is_uri() {
  [[ "$1" =~ ^[A-Za-z][A-Za-z0-9+.-]*:// ]]
}

# Prints the Maven coordinate of Delta for --packages or spark.jars.packages.
delta_package() {
  printf 'io.delta:delta-spark_2.12:%s' "${LEPTON_DELTA_VERSION:-$DELTA_DEFAULT_VERSION}"
}

# Prints the Spark settings (KEY=VALUE, one a line) that put the Java 17 flags on the driver and
# the executors.
java17_confs() {
  printf 'spark.driver.defaultJavaOptions=%s\n' "$JAVA17_FLAGS"
  printf 'spark.executor.defaultJavaOptions=%s\n' "$JAVA17_FLAGS"
}

# Prints one argument so that a POSIX shell reads it back unchanged: as it is when it holds only
# characters without special meaning, otherwise in single quotes.
shell_quote() {
  local arg=$1
  if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@+%^-]+$ ]]; then
    printf '%s' "$arg"
  else
    printf "'%s'" "${arg//\'/\'\\\'\'}"
  fi
}

# Prints the command a dry run would run, shell-quoted, one line per argument or per option and its
# value, with a backslash ending every line but the last so that the output can be pasted into a shell.
print_command() {
  local args=("$@") index line separator=""
  for ((index = 0; index < ${#args[@]}; index++)); do
    line=$(shell_quote "${args[index]}")
    if [[ "${args[index]}" == -* && "${args[index]}" != *=* ]] && ((index + 1 < ${#args[@]})) \
      && [[ "${args[index + 1]}" != -* ]]; then
      index=$((index + 1))
      line+=" $(shell_quote "${args[index]}")"
    fi
    printf '%s%s' "$separator" "$line"
    separator=$' \\\n  '
  done
  printf '\n'
}

# Sets the array spark_settings to the spark-submit options that every platform takes: Delta's
# confs, the Java 17 flags when JAVA17 is 1, and --packages for Delta when DELTA is "packages".
spark_submit_settings() {
  local java17=$1 delta=$2 conf
  spark_settings=()
  for conf in "${DELTA_CONFS[@]}"; do
    spark_settings+=(--conf "$conf")
  done
  if [[ "$java17" == 1 ]]; then
    while IFS= read -r conf; do
      spark_settings+=(--conf "$conf")
    done < <(java17_confs)
  fi
  if [[ "$delta" == packages ]]; then
    spark_settings+=(--packages "$(delta_package)")
  fi
}

# Runs the command, or prints it when this is a dry run.
run_or_print() {
  if [[ "$dry_run" == true ]]; then
    printf '# Dry run: nothing was submitted. The command:\n'
    print_command "$@"
  else
    "$@"
  fi
}

# Prints a JSON string literal of the argument.
json_string() {
  local value=$1 out="" char code index
  for ((index = 0; index < ${#value}; index++)); do
    char=${value:index:1}
    case "$char" in
      '"') out+='\"' ;;
      "\\") out+="\\\\" ;;
      $'\n') out+='\n' ;;
      $'\r') out+='\r' ;;
      $'\t') out+='\t' ;;
      *)
        printf -v code '%d' "'$char"
        if ((code >= 0 && code < 32)); then
          printf -v char '\\u%04x' "$code"
        fi
        out+=$char
        ;;
    esac
  done
  printf '"%s"' "$out"
}

# Prints a JSON array of strings from the arguments.
json_string_array() {
  local separator="" arg
  printf '['
  for arg in "$@"; do
    printf '%s' "$separator"
    json_string "$arg"
    separator=,
  done
  printf ']'
}
