package dev.lepton.migrate.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.testing.SharedSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generates scale factor 0.01 once into a temporary folder and checks what landed there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataGeneratorTest {
  private static final long RAW_BYTES = 3L << 20;
  private static final long LARGE_FILE_BYTES = 5L << 20;
  private static final long SEED = 42;

  @TempDir static java.nio.file.Path tempDir;

  private SparkSession spark;
  private String target;
  private GenerateSettings settings;
  private GenerateSummary summary;
  private Map<String, String> firstRunChecksums;

  @BeforeAll
  void generateOnce() throws IOException {
    spark = SharedSpark.session();
    // A Hadoop path string, not an encoded URI: Hadoop reads "%20" in a path string literally.
    target = "file://" + tempDir.toAbsolutePath() + "/sample target";
    settings = new GenerateSettings(0.01, List.of(), true, RAW_BYTES, LARGE_FILE_BYTES, SEED);
    summary = SampleDataGenerator.generate(spark, target, settings);
    firstRunChecksums = rawChecksums();
  }

  @ParameterizedTest
  @CsvSource({
    "region, 5",
    "nation, 25",
    "supplier, 100",
    "customer, 1500",
    "part, 2000",
    "partsupp, 8000",
    "orders, 15000",
    "lineitem, 60175"
  })
  void tableHasTpchRowCount(String table, long expectedRows) {
    long rows = readTable(table).count();

    assertThat(rows).isEqualTo(expectedRows);
    assertThat(tableSummary(table).rows()).isEqualTo(expectedRows);
  }

  @Test
  void summaryListsAllEightTablesInOrder() {
    List<String> names = summary.tables().stream().map(TableSummary::name).toList();

    assertThat(names)
        .containsExactly(
            "region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");
    assertThat(summary.tables()).allSatisfy(table -> assertThat(table.bytes()).isPositive());
  }

  @Test
  void lineitemIsPartitionedByShipYear() {
    Dataset<Row> lineitem = readTable("lineitem");
    List<Integer> years =
        lineitem.select("l_shipyear").distinct().orderBy("l_shipyear").collectAsList().stream()
            .map(row -> row.getInt(0))
            .toList();
    long mismatched = lineitem.where("l_shipyear <> year(l_shipdate)").count();

    assertThat(tableSummary("lineitem").partitionColumns()).containsExactly("l_shipyear");
    assertThat(years).containsExactly(1992, 1993, 1994, 1995, 1996, 1997, 1998);
    assertThat(mismatched).isZero();
    assertThat(partitionFolders("lineitem")).contains("l_shipyear=1992", "l_shipyear=1998");
  }

  @Test
  void ordersIsPartitionedByOrderYear() {
    long mismatched = readTable("orders").where("o_orderyear <> year(o_orderdate)").count();

    assertThat(tableSummary("orders").partitionColumns()).containsExactly("o_orderyear");
    assertThat(mismatched).isZero();
    assertThat(partitionFolders("orders")).contains("o_orderyear=1992", "o_orderyear=1998");
  }

  @Test
  void smallTablesAreNotPartitioned() {
    assertThat(tableSummary("customer").partitionColumns()).isEmpty();
    assertThat(tableSummary("nation").partitionColumns()).isEmpty();
  }

  @Test
  void lineitemColumnsHaveTypedValues() {
    Dataset<Row> lineitem = readTable("lineitem");
    Row first = lineitem.where("l_orderkey = 1 and l_linenumber = 1").head();

    assertThat(lineitem.schema().apply("l_orderkey").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(lineitem.schema().apply("l_extendedprice").dataType())
        .isEqualTo(DataTypes.createDecimalType(15, 2));
    assertThat(lineitem.schema().apply("l_shipdate").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(first.<Object>getAs("l_shipdate").toString()).isEqualTo("1996-03-13");
    assertThat(first.<Object>getAs("l_extendedprice").toString()).isEqualTo("24710.35");
    assertThat(first.<String>getAs("l_shipmode")).isEqualTo("TRUCK");
  }

  @Test
  void rawTreeMatchesPlannedPaths() throws IOException {
    Map<String, Long> listed = rawFileSizes();
    List<String> planned =
        RawFilePlan.create(RAW_BYTES, LARGE_FILE_BYTES, SEED).stream()
            .map(RawFileSpec::relativePath)
            .toList();

    assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(planned);
    assertThat(summary.rawFileCount()).isEqualTo(planned.size());
    assertThat(listed.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(summary.rawBytes());
  }

  @Test
  void rawTreeHasEmptyFilesAndDeepFolders() throws IOException {
    Map<String, Long> listed = rawFileSizes();
    long zeroByteFiles = listed.values().stream().filter(size -> size == 0).count();
    int maxFolderDepth =
        listed.keySet().stream().mapToInt(path -> path.split("/").length - 1).max().orElse(0);

    assertThat(zeroByteFiles).isGreaterThanOrEqualTo(3);
    for (String emptyFile : RawFilePlan.EMPTY_FILES) {
      assertThat(listed).containsEntry(emptyFile, 0L);
    }
    assertThat(maxFolderDepth).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rawTreeSizesAreSpreadAroundBudget() throws IOException {
    Map<String, Long> listed = rawFileSizes();
    long smallest = listed.values().stream().filter(size -> size > 0).min(Long::compare).orElse(0L);
    long largeFile = listed.get(RawFilePlan.LARGE_FILE_PATH);
    long othersTotal = summary.rawBytes() - largeFile;

    assertThat(smallest).isLessThan(100);
    assertThat(largeFile).isEqualTo(LARGE_FILE_BYTES);
    assertThat(othersTotal).isBetween(RAW_BYTES - 64 * 1024, RAW_BYTES + 64 * 1024);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "space | ' '",
        "percent | %",
        "percent escape | %20",
        "plus | +",
        "equals | =",
        "hash | #",
        "accented | é",
        "CJK | 日本語",
        "emoji | 🚀"
      })
  void rawNamesKeepAwkwardCharacters(String characterClass, String text) throws IOException {
    List<String> paths = List.copyOf(rawFileSizes().keySet());
    List<String> fileNames = paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
    List<String> folderPaths =
        paths.stream()
            .filter(path -> path.contains("/"))
            .map(path -> path.substring(0, path.lastIndexOf('/')))
            .toList();

    assertThat(fileNames).as("file names with " + characterClass).anyMatch(n -> n.contains(text));
    assertThat(folderPaths).as("folders with " + characterClass).anyMatch(f -> f.contains(text));
  }

  @Test
  void rawTreeHasNoChecksumSidecars() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(tempDir.resolve("sample target/raw"))) {
      List<String> sidecars =
          files.map(path -> path.getFileName().toString()).filter(n -> n.endsWith(".crc")).toList();

      assertThat(sidecars).isEmpty();
    }
  }

  @Test
  void rerunGivesSameTablesAndRawFiles() throws IOException {
    GenerateSummary rerun = SampleDataGenerator.generate(spark, target, settings);
    Map<String, String> secondRunChecksums = rawChecksums();

    assertThat(readTable("lineitem").count()).isEqualTo(60_175);
    assertThat(rerun.rawBytes()).isEqualTo(summary.rawBytes());
    assertThat(secondRunChecksums).hasSize(firstRunChecksums.size());
    assertThat(secondRunChecksums).isEqualTo(firstRunChecksums);
  }

  @Test
  void acceptsLocalPathWithoutScheme() {
    String localTarget = tempDir.toAbsolutePath() + "/local path";
    GenerateSettings regionOnly = new GenerateSettings(0.01, List.of("region"), false, 0, 0, 1);

    GenerateSummary result = SampleDataGenerator.generate(spark, localTarget, regionOnly);

    assertThat(result.tables()).singleElement().satisfies(table -> {
      assertThat(table.path()).isEqualTo("file:" + localTarget + "/tpch/region");
      assertThat(table.rows()).isEqualTo(5);
    });
    assertThat(result.rawFileCount()).isZero();
    assertThat(spark.read().format("delta").load(localTarget + "/tpch/region").count()).isEqualTo(5);
  }

  @Test
  void rejectsTargetWithUnknownScheme() {
    GenerateSettings tablesOnly = new GenerateSettings(0.01, List.of("region"), false, 0, 0, 1);

    assertThatThrownBy(() -> SampleDataGenerator.generate(spark, "nosuchfs://x/y", tablesOnly))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Cannot generate sample data at 'nosuchfs://x/y': ");
  }

  private Dataset<Row> readTable(String table) {
    return spark.read().format("delta").load(target + "/tpch/" + table);
  }

  private TableSummary tableSummary(String table) {
    return summary.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
  }

  private List<String> partitionFolders(String table) {
    try {
      Path tablePath = new Path(target + "/tpch/" + table);
      FileSystem fs = tablePath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return Arrays.stream(fs.listStatus(tablePath))
          .filter(FileStatus::isDirectory)
          .map(status -> status.getPath().getName())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lists the raw tree through Hadoop and returns decoded relative paths with their sizes. */
  private Map<String, Long> rawFileSizes() throws IOException {
    Path rawRoot = new Path(target, "raw");
    FileSystem fs = rawRoot.getFileSystem(spark.sparkContext().hadoopConfiguration());
    String rootPath = fs.makeQualified(rawRoot).toUri().getPath() + "/";
    Map<String, Long> sizes = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(rawRoot, true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      String path = file.getPath().toUri().getPath();
      assertThat(path).startsWith(rootPath);
      sizes.put(path.substring(rootPath.length()), file.getLen());
    }
    return sizes;
  }

  private Map<String, String> rawChecksums() throws IOException {
    Path rawRoot = new Path(target, "raw");
    FileSystem fs = rawRoot.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Map<String, String> checksums = new TreeMap<>();
    for (String relativePath : rawFileSizes().keySet()) {
      RawFileSpec spec = new RawFileSpec(relativePath, RawFileKind.BINARY, 0, 0);
      checksums.put(relativePath, sha256(fs, RawFileWriter.resolve(rawRoot, spec)));
    }
    return checksums;
  }

  private static String sha256(FileSystem fs, Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(fs.open(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
