package dev.lepton.migrate.spark;

import dev.lepton.migrate.config.MigrationConfig;
import dev.lepton.migrate.plan.Differ;
import dev.lepton.migrate.plan.FileAction;
import dev.lepton.migrate.plan.FileEntry;
import dev.lepton.migrate.plan.ManifestState;
import dev.lepton.migrate.plan.PathFilter;
import dev.lepton.migrate.plan.PlannedFile;
import dev.lepton.migrate.store.HadoopConf;
import dev.lepton.migrate.store.RunLayout;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Builds a plan: lists source and target, joins them with the manifest's latest rows by relative
 * path, and decides an action per source file. Reads no file contents and writes nothing.
 */
final class CopyPlanner {
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

    List<String> sourceSkipped = new java.util.ArrayList<>(layout.reservedFolders());
    sourceSkipped.addAll(scope.skippedSourceFolders());
    List<String> targetSkipped = new java.util.ArrayList<>(layout.targetReservedFolders());
    targetSkipped.addAll(scope.skippedTargetFolders());
    PathFilter sourceFilter = new PathFilter(config.include(), config.exclude(), sourceSkipped);
    PathFilter targetFilter = new PathFilter(List.of(), List.of(), targetSkipped);
    JavaPairRDD<String, FileEntry> source =
        Listing.list(jsc, conf, layout.source(), sourceFilter, config.plan()).keyBy(FileEntry::relativePath);
    JavaPairRDD<String, FileEntry> target =
        Listing.list(jsc, conf, layout.target(), targetFilter, config.plan()).keyBy(FileEntry::relativePath);
    JavaPairRDD<String, ManifestState> manifest = new ManifestStore(spark, layout.stateDir()).latestStates();

    Differ differ = new Differ(config.copy().onConflict(), scope.detection());
    // Each element is a planned source file, or a target file without a source file.
    JavaRDD<Tuple2<PlannedFile, FileEntry>> decided = source.cogroup(target, manifest).flatMap(entry -> {
      Tuple3<Iterable<FileEntry>, Iterable<FileEntry>, Iterable<ManifestState>> sides = entry._2();
      FileEntry sourceFile = first(sides._1().iterator());
      FileEntry targetFile = first(sides._2().iterator());
      ManifestState previous = first(sides._3().iterator());
      if (sourceFile == null) {
        return targetFile == null ? List.<Tuple2<PlannedFile, FileEntry>>of().iterator()
            : List.of(new Tuple2<PlannedFile, FileEntry>(null, targetFile)).iterator();
      }
      return List.of(new Tuple2<PlannedFile, FileEntry>(differ.decide(sourceFile, previous, targetFile), null))
          .iterator();
    });
    decided.persist(StorageLevel.MEMORY_AND_DISK());

    PlanTotals totals = decided.aggregate(new PlanTotals(),
        (t, d) -> d._1() == null ? t.addExtraTargetFile() : t.add(d._1()), PlanTotals::merge);
    JavaRDD<PlannedFile> files = decided.filter(d -> d._1() != null).map(Tuple2::_1);
    files.persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<FileEntry> extraTargetFiles = decided.filter(d -> d._1() == null).map(Tuple2::_2);
    List<PlannedFile> conflicts = totals.files(FileAction.CONFLICT) == 0 ? List.of()
        : files.filter(f -> f.action() == FileAction.CONFLICT).take(20);
    return new PlanResult(files, extraTargetFiles, totals, conflicts, (System.nanoTime() - started) / 1_000_000);
  }

  private static <T> T first(Iterator<T> values) {
    return values.hasNext() ? values.next() : null;
  }

}
