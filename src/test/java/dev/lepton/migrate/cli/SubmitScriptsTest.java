package dev.lepton.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each launch script in submit/ with --dry-run and checks the command it would run: main class,
 * jar, Delta settings, Java 17 flags, the job's arguments passed through unchanged, masked secrets and
 * the failures for missing or unknown inputs. The scripts run from a copy of submit/ in a temporary
 * folder, with an environment of PATH, HOME and the variables a case sets. PATH starts with stand-ins
 * for every program a script could call (aws, gcloud, curl ...), which record the call, and each case
 * checks that none was called.
 */
class SubmitScriptsTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();
  private static final List<String> CALLABLE_PROGRAMS =
      List.of("spark-submit", "aws", "gcloud", "databricks", "curl", "kubectl", "hadoop");
  private static final String SECRET = "s3cr3t-value-4711";
  private static final String TOKEN = "dapi-token-0815-secret";

  /** Job arguments with a value that contains spaces and another that contains '='. */
  private static final List<String> JOB_ARGS = List.of(
      "copy", "--source", "s3a://old-lake/raw data", "--target", "gs://new-lake/raw data",
      "--set", "migration.include-globs=[\"logs/**\", \"my dir/*\"]",
      "--conf", "spark.executor.memory=8g");

  private static final Map<String, Map<String, String>> VALID_ENVIRONMENTS = Map.of(
      "spark-submit.sh", Map.of("LEPTON_JAR", "/opt/lepton/lepton-migrate.jar", "LEPTON_MASTER", "yarn"),
      "emr.sh", Map.of("LEPTON_EMR_CLUSTER_ID", "j-2AXXXXXXGAPLF", "LEPTON_JAR", "s3://artifacts/lepton-migrate.jar"),
      "dataproc.sh", Map.of(
          "LEPTON_DATAPROC_CLUSTER", "migration", "LEPTON_DATAPROC_REGION", "europe-west1",
          "LEPTON_JAR", "gs://artifacts/lepton-migrate.jar"),
      "databricks.sh", Map.of(
          "LEPTON_JAR", "/Volumes/main/default/jars/lepton-migrate.jar",
          "LEPTON_DATABRICKS_CLUSTER_ID", "0923-164208-abcd123",
          "DATABRICKS_HOST", "https://dbc-test.cloud.databricks.com", "DATABRICKS_TOKEN", TOKEN),
      "kubernetes.sh", Map.of(
          "LEPTON_K8S_MASTER", "k8s://https://127.0.0.1:6443",
          "LEPTON_K8S_IMAGE", "registry.example.com/lepton-spark:3.5",
          "LEPTON_K8S_SERVICE_ACCOUNT", "spark-driver", "LEPTON_JAR", "local:///opt/lepton/lepton-migrate.jar"));

  @TempDir Path dir;
  private Path calls;

  @BeforeEach
  void copyScriptsAndStubPrograms() throws IOException {
    Path submit = Files.createDirectories(dir.resolve("submit"));
    try (Stream<Path> scripts = Files.list(REPOSITORY.resolve("submit"))) {
      for (Path script : scripts.filter(path -> path.toString().endsWith(".sh")).toList()) {
        Files.copy(script, submit.resolve(script.getFileName()));
      }
    }
    calls = dir.resolve("calls.log");
    Path stubs = Files.createDirectories(dir.resolve("stubs"));
    for (String program : CALLABLE_PROGRAMS) {
      Path stub = stubs.resolve(program);
      Files.writeString(stub, "#!/bin/sh\necho \"" + program + " $*\" >> '" + calls + "'\nexit 99\n");
      assertThat(stub.toFile().setExecutable(true)).as("executable bit of %s", stub).isTrue();
    }
  }

  @AfterEach
  void callsNoProgram() throws IOException {
    assertThat(calls).as("programs the scripts called").doesNotExist();
  }

  @Test
  void sparkSubmitRunsMainClassFromJar() throws Exception {
    Run run = run("spark-submit.sh", VALID_ENVIRONMENTS.get("spark-submit.sh"), dryRun(JOB_ARGS));

    List<String> command = run.command();
    assertThat(command.get(0)).isEqualTo("spark-submit");
    assertThat(valueAfter(command, "--class")).isEqualTo(LeptonMigrate.class.getName());
    assertThat(valueAfter(command, "--master")).isEqualTo("yarn");
    assertThat(valueAfter(command, "--deploy-mode")).isEqualTo("client");
    assertThat(valueAfter(command, "--packages")).isEqualTo("io.delta:delta-spark_2.12:" + pomProperty("delta.version"));
    assertThat(command.subList(command.size() - JOB_ARGS.size() - 1, command.size()))
        .containsExactlyElementsOf(prepend("/opt/lepton/lepton-migrate.jar", JOB_ARGS));
    assertThat(submitConfs(command, "/opt/lepton/lepton-migrate.jar")).noneMatch(conf -> conf.contains("--add-opens"));
  }

  @Test
  void sparkSubmitPassesConfsOfReadmeLine() throws Exception {
    Run run = run("spark-submit.sh", VALID_ENVIRONMENTS.get("spark-submit.sh"), dryRun(JOB_ARGS));

    assertThat(submitConfs(run.command(), "/opt/lepton/lepton-migrate.jar"))
        .containsExactlyInAnyOrderElementsOf(readmeSparkSubmitConfs());
  }

  @Test
  void standaloneClusterModeAddsJava17Flags() throws Exception {
    Path config = Files.writeString(dir.resolve("nightly sync.conf"), "migration {}\n");
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("spark-submit.sh"));
    env.put("LEPTON_MASTER", "spark://127.0.0.1:7077");
    env.put("LEPTON_DEPLOY_MODE", "cluster");
    env.put("LEPTON_CONFIG", config.toString());

    List<String> command = run("spark-submit.sh", env, dryRun(JOB_ARGS)).command();

    String flags = normalizeSpaces(pomProperty("java17.flags"));
    assertThat(submitConfs(command, "/opt/lepton/lepton-migrate.jar"))
        .contains("spark.driver.defaultJavaOptions=" + flags, "spark.executor.defaultJavaOptions=" + flags);
    assertThat(valueAfter(command, "--files")).isEqualTo(config.toString());
    assertThat(command.subList(command.size() - 2, command.size())).containsExactly("--config", "nightly sync.conf");
  }

  @Test
  void clientModePassesLocalConfigPath() throws Exception {
    Path config = Files.writeString(dir.resolve("example.conf"), "migration {}\n");
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("spark-submit.sh"));
    env.put("LEPTON_CONFIG", config.toString());

    List<String> command = run("spark-submit.sh", env, dryRun(JOB_ARGS)).command();

    assertThat(command).doesNotContain("--files");
    assertThat(command.subList(command.size() - 2, command.size()))
        .containsExactly("--config", config.toString());
  }

  @Test
  void sparkSubmitTakesDryRunAfterCommand() throws Exception {
    List<String> args = new ArrayList<>(JOB_ARGS);
    args.add("--dry-run");

    Run run = run("spark-submit.sh", VALID_ENVIRONMENTS.get("spark-submit.sh"), args);

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.command()).endsWith(JOB_ARGS.toArray(String[]::new));
  }

  @Test
  void emrStepRunsSparkSubmitInClientMode() throws Exception {
    Run run = run("emr.sh", VALID_ENVIRONMENTS.get("emr.sh"), dryRun(JOB_ARGS));

    List<String> command = run.command();
    assertThat(command.subList(0, 5)).containsExactly("aws", "emr", "add-steps", "--cluster-id", "j-2AXXXXXXGAPLF");
    JsonNode step = json(valueAfter(command, "--steps")).get(0);
    assertThat(step.get("Type").asText()).isEqualTo("CUSTOM_JAR");
    assertThat(step.get("Jar").asText()).isEqualTo("command-runner.jar");
    assertThat(step.get("ActionOnFailure").asText()).isEqualTo("CONTINUE");
    List<String> stepArgs = strings(step.get("Args"));
    assertThat(stepArgs.subList(0, 3)).containsExactly("spark-submit", "--deploy-mode", "client");
    assertThat(valueAfter(stepArgs, "--class")).isEqualTo(LeptonMigrate.class.getName());
    assertThat(valueAfter(stepArgs, "--jars"))
        .isEqualTo("/usr/share/aws/delta/lib/delta-spark.jar,/usr/share/aws/delta/lib/delta-storage.jar");
    assertThat(submitConfs(stepArgs, "s3://artifacts/lepton-migrate.jar")).containsExactlyInAnyOrderElementsOf(readmeSparkSubmitConfs());
    assertThat(stepArgs.subList(stepArgs.size() - JOB_ARGS.size() - 1, stepArgs.size()))
        .containsExactlyElementsOf(prepend("s3://artifacts/lepton-migrate.jar", JOB_ARGS));
  }

  @Test
  void emrStepCopiesConfigBeforeSparkSubmit() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("emr.sh"));
    env.put("LEPTON_CONFIG", "s3://artifacts/conf/nightly sync.conf");

    List<String> stepArgs = strings(json(valueAfter(run("emr.sh", env, dryRun(JOB_ARGS)).command(), "--steps")).get(0).get("Args"));

    assertThat(stepArgs.subList(0, 2)).containsExactly("bash", "-c");
    assertThat(stepArgs.get(2)).contains("hadoop fs -get -f \"$config_uri\" \"$config\"", "\"$@\" --config \"$config\"");
    assertThat(stepArgs.subList(3, 6)).containsExactly("lepton-migrate-step", "s3://artifacts/conf/nightly sync.conf", "spark-submit");
    assertThat(stepArgs.subList(stepArgs.size() - JOB_ARGS.size(), stepArgs.size())).containsExactlyElementsOf(JOB_ARGS);
  }

  @Test
  void dataprocPassesJobArgumentsAfterSeparator() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("dataproc.sh"));
    env.put("LEPTON_CONFIG", "gs://artifacts/conf/nightly.conf");

    List<String> command = run("dataproc.sh", env, dryRun(JOB_ARGS)).command();

    assertThat(command.subList(0, 5)).containsExactly("gcloud", "dataproc", "jobs", "submit", "spark");
    assertThat(command).contains("--cluster=migration", "--region=europe-west1",
        "--class=" + LeptonMigrate.class.getName(), "--jars=gs://artifacts/lepton-migrate.jar",
        "--files=gs://artifacts/conf/nightly.conf");
    String properties = command.stream().filter(arg -> arg.startsWith("--properties=")).findFirst().orElseThrow();
    assertThat(List.of(properties.substring("--properties=".length()).split(",")))
        .containsExactlyInAnyOrderElementsOf(
            append(readmeSparkSubmitConfs(), "spark.jars.packages=io.delta:delta-spark_2.12:" + pomProperty("delta.version")));
    List<String> afterSeparator = command.subList(command.indexOf("--") + 1, command.size());
    assertThat(afterSeparator).containsExactlyElementsOf(append(append(JOB_ARGS, "--config"), "nightly.conf"));
  }

  @Test
  void databricksRunNamesMainClassJarAndArguments() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("databricks.sh"));
    env.put("LEPTON_CONFIG", "/Volumes/main/default/conf/nightly.conf");

    Run run = run("databricks.sh", env, dryRun(JOB_ARGS));

    List<String> command = run.command();
    assertThat(command.get(0)).isEqualTo("curl");
    assertThat(command.get(command.size() - 1)).isEqualTo("https://dbc-test.cloud.databricks.com/api/2.1/jobs/runs/submit");
    assertThat(valueAfter(command, "--header")).isEqualTo("@-");
    JsonNode task = json(valueAfter(command, "--data")).get("tasks").get(0);
    assertThat(task.get("existing_cluster_id").asText()).isEqualTo("0923-164208-abcd123");
    assertThat(task.get("spark_jar_task").get("main_class_name").asText()).isEqualTo(LeptonMigrate.class.getName());
    assertThat(strings(task.get("spark_jar_task").get("parameters")))
        .containsExactlyElementsOf(append(append(JOB_ARGS, "--config"), "/Volumes/main/default/conf/nightly.conf"));
    assertThat(task.get("libraries").get(0).get("jar").asText()).isEqualTo("/Volumes/main/default/jars/lepton-migrate.jar");
    assertThat(run.stdout()).contains("Authorization: Bearer ****");
    assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
  }

  @Test
  void databricksWithoutTokenUsesCliProfile() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("databricks.sh"));
    env.remove("DATABRICKS_TOKEN");
    env.remove("DATABRICKS_HOST");
    env.remove("LEPTON_DATABRICKS_CLUSTER_ID");
    env.put("LEPTON_DATABRICKS_NODE_TYPE", "i3.xlarge");

    List<String> command = run("databricks.sh", env, dryRun(JOB_ARGS)).command();

    assertThat(command.subList(0, 5)).containsExactly("databricks", "api", "post", "/api/2.1/jobs/runs/submit", "--json");
    JsonNode cluster = json(command.get(5)).get("tasks").get(0).get("new_cluster");
    assertThat(cluster.get("node_type_id").asText()).isEqualTo("i3.xlarge");
    assertThat(cluster.get("num_workers").asInt()).isEqualTo(2);
    assertThat(cluster.get("spark_version").asText()).isEqualTo("16.4.x-scala2.12");
  }

  @Test
  void kubernetesSetsImageNamespaceAndServiceAccount() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("kubernetes.sh"));
    env.put("LEPTON_K8S_NAMESPACE", "migration");
    env.put("LEPTON_CONFIG", "s3a://artifacts/conf/nightly.conf");

    List<String> command = run("kubernetes.sh", env, dryRun(JOB_ARGS)).command();

    String jar = "local:///opt/lepton/lepton-migrate.jar";
    assertThat(valueAfter(command, "--master")).isEqualTo("k8s://https://127.0.0.1:6443");
    assertThat(valueAfter(command, "--deploy-mode")).isEqualTo("cluster");
    assertThat(valueAfter(command, "--class")).isEqualTo(LeptonMigrate.class.getName());
    assertThat(submitConfs(command, jar)).containsExactlyInAnyOrderElementsOf(append(append(append(
        readmeSparkSubmitConfs(),
        "spark.kubernetes.container.image=registry.example.com/lepton-spark:3.5"),
        "spark.kubernetes.namespace=migration"),
        "spark.kubernetes.authenticate.driver.serviceAccountName=spark-driver"));
    assertThat(valueAfter(command, "--files")).isEqualTo("s3a://artifacts/conf/nightly.conf");
    assertThat(command.subList(command.indexOf(jar), command.size()))
        .containsExactlyElementsOf(prepend(jar, append(append(JOB_ARGS, "--config"), "nightly.conf")));
  }

  @Test
  void kubernetesPackagesNeedUploadPath() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("kubernetes.sh"));
    env.put("LEPTON_DELTA", "packages");

    Run run = run("kubernetes.sh", env, dryRun(JOB_ARGS));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Missing LEPTON_K8S_UPLOAD_PATH", "LEPTON_DELTA=packages");
  }

  static Stream<Arguments> requiredVariables() {
    return Stream.of(
        Arguments.of("spark-submit.sh", "LEPTON_JAR"),
        Arguments.of("emr.sh", "LEPTON_EMR_CLUSTER_ID"),
        Arguments.of("emr.sh", "LEPTON_JAR"),
        Arguments.of("dataproc.sh", "LEPTON_DATAPROC_CLUSTER"),
        Arguments.of("dataproc.sh", "LEPTON_DATAPROC_REGION"),
        Arguments.of("dataproc.sh", "LEPTON_JAR"),
        Arguments.of("databricks.sh", "LEPTON_JAR"),
        Arguments.of("databricks.sh", "DATABRICKS_HOST"),
        Arguments.of("kubernetes.sh", "LEPTON_K8S_MASTER"),
        Arguments.of("kubernetes.sh", "LEPTON_K8S_IMAGE"),
        Arguments.of("kubernetes.sh", "LEPTON_K8S_SERVICE_ACCOUNT"),
        Arguments.of("kubernetes.sh", "LEPTON_JAR"));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredVariables")
  void missingVariableFailsNamingIt(String script, String variable) throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get(script));
    env.remove(variable);

    Run run = run(script, env, dryRun(JOB_ARGS));

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).contains("ERROR: Missing " + variable + ": ", "export " + variable + "=");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void databricksWithoutClusterAsksForNodeType() throws Exception {
    Map<String, String> env = new HashMap<>(VALID_ENVIRONMENTS.get("databricks.sh"));
    env.remove("LEPTON_DATABRICKS_CLUSTER_ID");

    Run run = run("databricks.sh", env, dryRun(JOB_ARGS));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Missing LEPTON_DATABRICKS_NODE_TYPE", "LEPTON_DATABRICKS_CLUSTER_ID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark-submit.sh", "emr.sh", "dataproc.sh", "databricks.sh", "kubernetes.sh"})
  void unknownOptionFailsNamingIt(String script) throws Exception {
    List<String> args = prepend("--cluster", prepend("--dry-run", JOB_ARGS));

    Run run = run(script, VALID_ENVIRONMENTS.get(script), args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("ERROR: Unknown option '--cluster' for submit/" + script);
    assertThat(run.stdout()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark-submit.sh", "emr.sh", "dataproc.sh", "databricks.sh", "kubernetes.sh"})
  void unknownCommandFails(String script) throws Exception {
    Run run = run(script, VALID_ENVIRONMENTS.get(script), List.of("--dry-run", "cpoy", "--source", "a"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("ERROR: Invalid COMMAND 'cpoy'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark-submit.sh", "emr.sh", "dataproc.sh", "databricks.sh", "kubernetes.sh"})
  void dryRunMasksSecretJobSetting(String script) throws Exception {
    List<String> args = append(append(dryRun(JOB_ARGS), "--conf"), "spark.hadoop.fs.s3a.secret.key=" + SECRET);

    Run run = run(script, VALID_ENVIRONMENTS.get(script), args);

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.stdout() + run.stderr()).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThat(run.stdout()).contains("spark.hadoop.fs.s3a.secret.key=****");
    assertThat(run.stderr()).contains("WARNING: The job argument spark.hadoop.fs.s3a.secret.key=**** puts a secret");
  }

  @Test
  void commonFilePinsDeltaVersionOfBuild() throws IOException {
    String common = Files.readString(REPOSITORY.resolve("submit/common.sh"), StandardCharsets.UTF_8);

    assertThat(common).contains("readonly DELTA_DEFAULT_VERSION=" + pomProperty("delta.version") + "\n");
    assertThat(common).contains("readonly JOB_MAIN_CLASS=" + LeptonMigrate.class.getName() + "\n");
  }

  private record Run(int exitCode, String stdout, String stderr) {
    /**
     * Returns the words of the command a dry run printed, as bash reads them when the output is
     * pasted into a shell.
     */
    List<String> command() throws IOException, InterruptedException {
      assertThat(exitCode).as("exit code; stderr: %s", stderr).isZero();
      String printed = stdout.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
      Process bash = new ProcessBuilder("bash", "-c", "words() { printf '%s\\0' \"$@\"; }\nwords " + printed)
          .redirectErrorStream(true).start();
      bash.getOutputStream().close();
      String words = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bash.waitFor()).as("bash reading the printed command: %s", words).isZero();
      assertThat(words).as("printed command %s", printed).endsWith("\0");
      return List.of(words.substring(0, words.length() - 1).split("\0", -1));
    }
  }

  private Run run(String script, Map<String, String> variables, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", dir.resolve("submit").resolve(script).toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", dir.resolve("stubs") + ":/usr/bin:/bin");
    environment.put("HOME", dir.toString());
    environment.putAll(variables);
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("submit/" + script + " (pid " + process.pid() + ") did not finish within 1 minute");
    }
    return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** Returns the --conf values given to spark-submit, that is before the jar; later ones are the job's. */
  private static List<String> submitConfs(List<String> command, String jar) {
    List<String> submitOptions = command.subList(0, command.indexOf(jar));
    List<String> confs = new ArrayList<>();
    for (int i = 0; i < submitOptions.size() - 1; i++) {
      if (submitOptions.get(i).equals("--conf")) {
        confs.add(submitOptions.get(i + 1));
      }
    }
    return confs;
  }

  /** Returns the --conf values of the spark-submit example in README.md. */
  private static Set<String> readmeSparkSubmitConfs() throws IOException {
    String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```bash\\n(spark-submit [^`]*)```").matcher(readme);
    assertThat(block.find()).as("a spark-submit example in README.md").isTrue();
    List<String> words = List.of(block.group(1).replace("\\\n", " ").trim().split("\\s+"));
    Set<String> confs = new LinkedHashSet<>();
    for (int i = 0; i < words.size() - 1; i++) {
      if (words.get(i).equals("--conf")) {
        confs.add(words.get(i + 1));
      }
    }
    assertThat(confs).as("--conf values in the README's spark-submit example").isNotEmpty();
    return confs;
  }

  private static String pomProperty(String name) throws IOException {
    String pom = Files.readString(REPOSITORY.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
    assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
    return matcher.group(1);
  }

  private static String normalizeSpaces(String text) {
    return text.trim().replaceAll("\\s+", " ");
  }

  private static String valueAfter(List<String> command, String option) {
    int index = command.indexOf(option);
    assertThat(index).as("position of %s in %s", option, command).isGreaterThanOrEqualTo(0).isLessThan(command.size() - 1);
    return command.get(index + 1);
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  private static List<String> dryRun(List<String> jobArgs) {
    return prepend("--dry-run", jobArgs);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> list = new ArrayList<>();
    list.add(first);
    list.addAll(rest);
    return list;
  }

  private static List<String> append(java.util.Collection<String> list, String last) {
    List<String> result = new ArrayList<>(list);
    result.add(last);
    return result;
  }
}
