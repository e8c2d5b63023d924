package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lepton.migrate.store.CreateIfAbsent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends rows to a small Delta table without Spark: one Parquet file, then one commit with its
 * add action, created only if absent. Two writers that race for a version both succeed, one at the
 * next version, because blind appends never conflict. Used for the job's own state tables, where
 * a run records a few rows and starting Spark's Delta writer would cost more than the sync.
 *
 * <p>Writes only to tables that Spark created and that need nothing of a writer beyond writer
 * protocol 2: no partitions, no column mapping, and the same columns as given. Any other table
 * returns {@link Outcome#NEEDS_SPARK}, and the caller appends with Spark instead.
 */
public final class BlindAppend {
  private static final Logger LOG = LoggerFactory.getLogger(BlindAppend.class);
  private static final int MAX_COMMIT_ATTEMPTS = 10;

  /** Column types this writer can write, as Spark names them in a Delta schema. */
  public enum ColumnType {
    STRING("string"),
    LONG("long"),
    INT("integer"),
    DOUBLE("double"),
    /** A {@code java.sql.Timestamp}, stored as microseconds since the epoch. */
    TIMESTAMP("timestamp"),
    /** A {@code Map<String, Long>}. */
    STRING_TO_LONG_MAP("map");

    private final String deltaName;

    ColumnType(String deltaName) {
      this.deltaName = deltaName;
    }
  }

  /** One column of the table: its name and type. Every column may hold nulls. */
  public record Column(String name, ColumnType type) {}

  /** Result of an append. */
  public enum Outcome {
    WRITTEN,
    /** The table does not exist yet or uses features this writer does not write; nothing was written. */
    NEEDS_SPARK
  }

  private BlindAppend() {}

  /**
   * Appends {@code rows}, each with one value per column in column order, as one commit.
   *
   * @throws IOException when the store fails; nothing is committed then, though a Parquet file
   *     that no commit names may remain
   */
  public static Outcome append(FileSystem fs, Path tableRoot, List<Column> columns, List<Object[]> rows)
      throws IOException {
    DeltaLog log = DeltaLog.forTable(fs, tableRoot);
    java.util.OptionalLong latest = log.latestVersionIfPresent();
    if (latest.isEmpty()) {
      return Outcome.NEEDS_SPARK;
    }
    String unsupported = unsupported(log.protocolAndMetadataAt(latest.getAsLong()), columns);
    if (unsupported != null) {
      LOG.debug("Appending to {} with Spark: {}", tableRoot, unsupported);
      return Outcome.NEEDS_SPARK;
    }
    String name = "part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet";
    Path file = new Path(log.tableRoot(), name);
    writeParquet(fs, file, columns, rows);
    long size = fs.getFileStatus(file).getLen();
    commit(fs, log, latest.getAsLong(), addAction(name, size), rows.size());
    return Outcome.WRITTEN;
  }

  /**
   * Writes one row of every column type to a Parquet stream that discards its bytes. Loading the
   * Parquet writer and its codec takes about a second in a fresh JVM; a run calls this on a
   * background thread while it copies, so that its appends at the end do not wait for it.
   */
  public static void warmUp() {
    List<Column> columns = List.of(new Column("s", ColumnType.STRING), new Column("l", ColumnType.LONG),
        new Column("i", ColumnType.INT), new Column("d", ColumnType.DOUBLE), new Column("t", ColumnType.TIMESTAMP),
        new Column("m", ColumnType.STRING_TO_LONG_MAP));
    MessageType schema = parquetSchema(columns);
    Object[] row = {"s", 1L, 1, 1.0, new java.sql.Timestamp(0), Map.of("k", 1L)};
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new DiscardingOutputFile())
        .withConf(new org.apache.hadoop.conf.Configuration(false))
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      writer.write(group(new SimpleGroupFactory(schema).newGroup(), columns, row));
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.debug("Warming up the Parquet writer failed: {}", e.toString());
    }
  }

  /** A Parquet output file that discards what is written to it. */
  private static final class DiscardingOutputFile implements org.apache.parquet.io.OutputFile {
    @Override
    public org.apache.parquet.io.PositionOutputStream create(long blockSizeHint) {
      return new org.apache.parquet.io.PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) {
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          position += length;
        }
      };
    }

    @Override
    public org.apache.parquet.io.PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  /** Returns why the table needs Spark's writer, or null when this writer can append to it. */
  private static String unsupported(ProtocolAndMetadata table, List<Column> columns) {
    Protocol protocol = table.protocol();
    if (protocol.minReaderVersion() > 1 || protocol.minWriterVersion() > 2) {
      return "protocol " + protocol.minReaderVersion() + "/" + protocol.minWriterVersion();
    }
    Metadata metadata = table.metadata();
    if (!metadata.partitionColumns().isEmpty()) {
      return "partitioned by " + metadata.partitionColumns();
    }
    String mapping = metadata.configuration().get("delta.columnMapping.mode");
    if (mapping != null && !mapping.equals("none")) {
      return "column mapping " + mapping;
    }
    try {
      JsonNode fields = Json.MAPPER.readTree(metadata.schemaString()).path("fields");
      if (fields.size() != columns.size()) {
        return "schema has " + fields.size() + " columns";
      }
      for (int i = 0; i < columns.size(); i++) {
        JsonNode field = fields.get(i);
        JsonNode type = field.path("type");
        String typeName = type.isTextual() ? type.asText() : type.path("type").asText();
        if (!field.path("name").asText().equals(columns.get(i).name())
            || !typeName.equals(columns.get(i).type().deltaName)) {
          return "schema differs at column " + field.path("name").asText();
        }
      }
    } catch (IOException e) {
      return "unreadable schema: " + e.getMessage();
    }
    return null;
  }

  private static void writeParquet(FileSystem fs, Path file, List<Column> columns, List<Object[]> rows)
      throws IOException {
    MessageType schema = parquetSchema(columns);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new FileSystemOutputFile(fs, file))
        .withConf(fs.getConf())
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build()) {
      for (Object[] row : rows) {
        writer.write(group(groups.newGroup(), columns, row));
      }
    }
  }

  static MessageType parquetSchema(List<Column> columns) {
    List<Type> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(switch (column.type()) {
        case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
            .named(column.name());
        case LONG -> Types.optional(PrimitiveTypeName.INT64).named(column.name());
        case INT -> Types.optional(PrimitiveTypeName.INT32).named(column.name());
        case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(column.name());
        case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
            .named(column.name());
        case STRING_TO_LONG_MAP -> Types.optionalMap()
            .key(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("key"))
            .optionalValue(PrimitiveTypeName.INT64)
            .named(column.name());
      });
    }
    return new MessageType("spark_schema", fields);
  }

  @SuppressWarnings("unchecked")
  private static Group group(Group group, List<Column> columns, Object[] row) {
    for (int i = 0; i < columns.size(); i++) {
      Object value = row[i];
      if (value == null) {
        continue;
      }
      String name = columns.get(i).name();
      switch (columns.get(i).type()) {
        case STRING -> group.append(name, (String) value);
        case LONG -> group.append(name, ((Number) value).longValue());
        case INT -> group.append(name, ((Number) value).intValue());
        case DOUBLE -> group.append(name, ((Number) value).doubleValue());
        case TIMESTAMP -> {
          java.sql.Timestamp time = (java.sql.Timestamp) value;
          group.append(name, time.getTime() / 1000 * 1_000_000 + time.getNanos() / 1000);
        }
        case STRING_TO_LONG_MAP -> {
          Group map = group.addGroup(name);
          for (Map.Entry<String, Long> entry : ((Map<String, Long>) value).entrySet()) {
            Group pair = map.addGroup("key_value");
            pair.append("key", entry.getKey());
            if (entry.getValue() != null) {
              pair.append("value", entry.getValue());
            }
          }
        }
        default -> throw new IllegalStateException("Unknown column type " + columns.get(i).type());
      }
    }
    return group;
  }

  private static String addAction(String name, long size) {
    ObjectNode add = Json.MAPPER.createObjectNode();
    ObjectNode body = add.putObject("add");
    body.put("path", name);
    body.putObject("partitionValues");
    body.put("size", size);
    body.put("modificationTime", System.currentTimeMillis());
    body.put("dataChange", true);
    return add.toString();
  }

  private static void commit(FileSystem fs, DeltaLog log, long latest, String add, int rowCount) throws IOException {
    Path logDir = LogListing.logDir(log.tableRoot());
    long version = latest + 1;
    for (int attempt = 1; ; attempt++) {
      ObjectNode info = Json.MAPPER.createObjectNode();
      ObjectNode body = info.putObject("commitInfo");
      body.put("timestamp", System.currentTimeMillis());
      body.put("operation", "WRITE");
      body.putObject("operationParameters").put("mode", "Append");
      body.put("readVersion", version - 1);
      body.put("isBlindAppend", true);
      body.putObject("operationMetrics").put("numFiles", "1").put("numOutputRows", Integer.toString(rowCount));
      body.put("engineInfo", "lepton-migrate");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes((info + "\n" + add + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      try {
        CreateIfAbsent.writeBytes(fs, new Path(logDir, LogFile.commitFileName(version)), bytes.toByteArray(), logDir);
        return;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= MAX_COMMIT_ATTEMPTS) {
          throw new IOException("Cannot append to " + log.tableRoot() + ": " + attempt + " other writers took the"
              + " versions this append tried, the last " + version + ". Run again.", e);
        }
        version = log.latestVersion() + 1;
      }
    }
  }
}
