package dev.lepton.migrate.testing;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.cli.LeptonMigrate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in the test JVM, on the shared Spark session, and keeps its output. */
public final class Cli {
  private Cli() {}

  public record Result(ExitCode code, String out, String err) {}

  public static Result run(String... args) {
    SharedSpark.session();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExitCode code = LeptonMigrate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
