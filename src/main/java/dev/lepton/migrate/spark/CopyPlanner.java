package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.Differ;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.plan.Renames;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.NameRules;
import dev.lepton.migrate.store.RunLayout;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple3;

/**
 * Builds a plan: lists source and target, joins them with the manifest's latest rows by relative
 * path, and decides an action per source file. Reads no file contents and writes nothing.
 */
final class CopyPlanner {
  /** Listed files per partition of the join: about 10 MiB a task, estimated at 200 bytes a file. */
  static final long FILES_PER_PARTITION = 50_000;
  static final int MAX_PARTITIONS = 100_000;

  /**
   * Scope of a plan beyond the config: the folders to leave out on each side (the Delta tables a
   * sync replays separately) and the way a changed source file is detected.
   */
  record Scope(List<String> skippedSourceFolders, List<String> skippedTargetFolders, Differ.ChangeDetection detection) {
    static final Scope COPY = new Scope(List.of(), List.of(), Differ.ChangeDetection.IDENTITY);

    Scope {
      skippedSourceFolders = List.copyOf(skippedSourceFolders);
      skippedTargetFolders = List.copyOf(skippedTargetFolders);
    }
  }

  private final SparkSession spark;
  private final HadoopConf conf;
  private final MigrationConfig config;
  private final RunLayout layout;
  private final Scope scope;

  CopyPlanner(SparkSession spark, HadoopConf conf, MigrationConfig config, RunLayout layout) {
    this(spark, conf, config, layout, Scope.COPY);
  }

  CopyPlanner(SparkSession spark, HadoopConf conf, MigrationConfig config, RunLayout layout, Scope scope) {
    this.spark = spark;
    this.conf = conf;
    this.config = config;
    this.layout = layout;
    this.scope = scope;
  }

  PlanResult plan() {
    long started = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobGroup("lepton-plan", "List source and target, diff against the manifest", false);

    List<String> sourceSkipped = new ArrayList<>(layout.reservedFolders());
    sourceSkipped.addAll(scope.skippedSourceFolders());
    List<String> targetSkipped = new ArrayList<>(layout.targetReservedFolders());
    targetSkipped.addAll(scope.skippedTargetFolders());
    PathFilter sourceFilter = new PathFilter(config.include(), config.exclude(), sourceSkipped);
    PathFilter targetFilter = new PathFilter(List.of(), List.of(), targetSkipped);
    Renames renames = config.copy().rename();
    JavaRDD<FileEntry> sourceFiles = Listing.list(jsc, conf, layout.source(), sourceFilter, config.plan());
    if (!renames.isEmpty()) {
      sourceFiles = sourceFiles.map(renames::apply);
    }
    // Files meet by the name under which the target store tells names apart, so two source names
    // that the store would fold into one show up as a name problem.
    NameRules names = NameRules.forTarget(layout.target());
    JavaRDD<FileEntry> targetFiles = Listing.list(jsc, conf, layout.target(), targetFilter, config.plan());
    Partitioner partitioner = partitioner(sourceFiles, targetFiles);
    JavaPairRDD<String, FileEntry> source = sourceFiles.keyBy(e -> names.comparisonKey(e.relativePath()));
    JavaPairRDD<String, FileEntry> target = targetFiles.keyBy(e -> names.comparisonKey(e.relativePath()));
    JavaPairRDD<String, ManifestState> manifest =
        new ManifestStore(spark, layout.stateDir()).latestStates(partitioner);
    if (names.foldsNames()) {
      manifest = manifest.mapToPair(row -> new scala.Tuple2<>(names.comparisonKey(row._1()), row._2()));
    }

    Differ differ = new Differ(config.copy().onConflict(), scope.detection());
    JavaRDD<Decision> decided = source.cogroup(target, manifest, partitioner).flatMap(entry -> {
      Tuple3<Iterable<FileEntry>, Iterable<FileEntry>, Iterable<ManifestState>> sides = entry._2();
      Iterator<FileEntry> sources = sides._1().iterator();
      FileEntry sourceFile = first(sources);
      FileEntry targetFile = first(sides._2().iterator());
      ManifestState previous = first(sides._3().iterator());
      if (sourceFile == null) {
        return targetFile == null ? List.<Decision>of().iterator()
            : List.of(new Decision(null, null, targetFile)).iterator();
      }
      String nameProblem = sources.hasNext()
          ? "source files '" + sourceFile.sourcePath() + "' and '" + sources.next().sourcePath()
              + "' get the same target name (check migration.copy.rename)"
          : names.problem(sourceFile.relativePath());
      return List.of(new Decision(differ.decide(sourceFile, previous, targetFile), nameProblem, null)).iterator();
    });
    decided.persist(StorageLevel.MEMORY_AND_DISK());

    PlanTotals totals = decided.aggregate(new PlanTotals(),
        (t, d) -> d.file() == null ? t.addExtraTargetFile() : t.add(d.file()), PlanTotals::merge);
    // The cached decisions and the shuffle files now hold what later steps read.
    sourceFiles.unpersist(false);
    targetFiles.unpersist(false);
    JavaRDD<PlannedFile> files = decided.filter(d -> d.file() != null).map(Decision::file);
    files.persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<FileEntry> extraTargetFiles = decided.filter(d -> d.file() == null).map(Decision::extraTargetFile);
    List<PlannedFile> conflicts = totals.files(FileAction.CONFLICT) == 0 ? List.of()
        : files.filter(f -> f.action() == FileAction.CONFLICT).take(20);
    JavaRDD<String> problems = decided.filter(d -> d.nameProblem() != null)
        .map(d -> d.file().relativePath() + ": " + d.nameProblem());
    long problemCount = problems.count();
    List<String> problemSamples = problemCount == 0 ? List.of() : problems.take(20);
    return new PlanResult(files, extraTargetFiles, totals, conflicts,
        new PlanResult.NameProblems(problemCount, problemSamples), (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Returns the partitioner of the join: one partition per {@value #FILES_PER_PARTITION} listed
   * files, so a small lake joins in one task and a large one spreads out. One job counts both
   * listings, which stay cached for the join, so no store is listed twice.
   */
  private static Partitioner partitioner(JavaRDD<FileEntry> sourceFiles, JavaRDD<FileEntry> targetFiles) {
    // Serialized, because listings of millions of files are cached only until the join has read them.
    sourceFiles.persist(StorageLevel.MEMORY_AND_DISK_SER());
    targetFiles.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long listed = sourceFiles.union(targetFiles).count();
    return new HashPartitioner(partitions(listed));
  }

  static int partitions(long listedFiles) {
    return (int) Math.max(1, Math.min(MAX_PARTITIONS, (listedFiles + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION));
  }

  /**
   * A source file with its action and, when the target store cannot hold its target name, the
   * reason; or, with a null file, a target file that has no source file.
   */
  private record Decision(PlannedFile file, String nameProblem, FileEntry extraTargetFile)
      implements java.io.Serializable {}

  private static <T> T first(Iterator<T> values) {
    return values.hasNext() ? values.next() : null;
  }
}
