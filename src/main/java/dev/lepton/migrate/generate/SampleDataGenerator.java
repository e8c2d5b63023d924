package dev.lepton.migrate.generate;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.store.TargetFolders;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The engine of the {@code generate} command: writes TPC-H tables as Delta tables under {@code
 * <target>/tpch/<table>} and a tree of raw files under {@code <target>/raw/}.
 */
public final class SampleDataGenerator {
  static final String JOB_GROUP = "lepton-generate";

  private SampleDataGenerator() {}

  /**
   * Writes the sample data requested by {@code settings} below {@code targetUri}, a folder that
   * any Hadoop file system accepts (such as {@code /tmp/sample}, {@code file:///tmp/sample} or
   * {@code s3a://bucket/sample}). Like Spark and the Hadoop shell, it reads the string as a Hadoop
   * path, so a {@code %20} in it names a folder with those three characters, not a space.
   *
   * <p>A rerun replaces earlier output: each requested table is overwritten in one Delta commit
   * (the data files of earlier versions stay on storage until a VACUUM removes them), and when raw
   * files are requested the whole {@code raw/} folder is deleted first. Tables that were not
   * requested, and {@code raw/} when raw files were not requested, stay untouched.
   *
   * <p>Tables are written one after the other, then the raw files. A failure stops the run and
   * leaves what was written before it.
   *
   * @throws InvalidInputException when the target URI is empty, malformed or has a scheme without
   *     a Hadoop file system, or when the target or one of its parents is a file. It is raised
   *     before anything is written.
   */
  public static GenerateSummary generate(
      SparkSession spark, String targetUri, GenerateSettings settings) {
    long start = System.nanoTime();
    Objects.requireNonNull(settings, "settings");
    Path target = checkedTarget(spark, targetUri);
    SparkContext context = spark.sparkContext();
    List<TableSummary> tables = new ArrayList<>();
    RawFilesJob.Result raw = RawFilesJob.Result.NONE;
    try {
      for (String table : settings.tables()) {
        context.setJobGroup(JOB_GROUP, "Generate TPC-H table " + table, false);
        tables.add(writeTable(spark, target, table, settings.scaleFactor()));
      }
      if (settings.rawFiles()) {
        context.setJobGroup(JOB_GROUP, "Generate raw files", false);
        List<RawFileSpec> plan =
            RawFilePlan.create(settings.rawBytes(), settings.largeFileBytes(), settings.seed());
        raw = RawFilesJob.write(spark, new Path(target, "raw"), plan);
      }
    } finally {
      context.clearJobGroup();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new GenerateSummary(tables, raw.files(), raw.bytes(), elapsed);
  }

  private static TableSummary writeTable(
      SparkSession spark, Path target, String table, double scaleFactor) {
    Path tablePath = new Path(new Path(target, "tpch"), table);
    return TpchTableWriter.write(spark, tablePath, TpchTableLayout.forTable(table), scaleFactor);
  }

  private static Path checkedTarget(SparkSession spark, String targetUri) {
    if (targetUri == null || targetUri.isBlank()) {
      throw new InvalidInputException(
          "Cannot generate sample data: the target URI is empty. "
              + "Pass a folder URI such as file:///tmp/lepton-sample.");
    }
    try {
      Path target = new Path(targetUri);
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualified = fs.makeQualified(target);
      TargetFolders.requireFolderOrAbsent(fs, qualified, "generate sample data in", "migration.target (or --target)");
      return qualified;
    } catch (IllegalArgumentException | IOException e) {
      throw new InvalidInputException(
          "Cannot generate sample data at '" + targetUri + "': " + e.getMessage()
              + ". Pass a folder URI whose scheme has a Hadoop file system, such as"
              + " file:///tmp/lepton-sample.",
          e);
    }
  }
}
