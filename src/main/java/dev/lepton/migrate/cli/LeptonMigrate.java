package dev.lepton.migrate.cli;

import dev.lepton.migrate.ExitCode;
import dev.lepton.migrate.InvalidInputException;
import dev.lepton.migrate.LeptonException;
import java.io.PrintStream;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.apache.spark.SparkUserAppException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for spark-submit and for bin/lepton-migrate. Parses the command line, loads the
 * config, runs one command and exits with the code of its outcome.
 */
public final class LeptonMigrate {
  private static final Logger LOG = LoggerFactory.getLogger(LeptonMigrate.class);

  private LeptonMigrate() {}

  public static void main(String[] args) throws SparkUserAppException {
    int code = run(args, System.out, System.err).code();
    System.out.flush();
    exit(code, System.getProperties(), System::exit);
  }

  /**
   * Ends the job with {@code code}. YARN's application master in cluster mode runs {@code main} in a
   * thread of its own JVM and reports any {@code System.exit}, even of 0, as a failed application.
   * There a success returns, and a failure throws Spark's {@link SparkUserAppException}, whose code
   * the master reports as the application's exit code. Everywhere else {@code jvmExit} gets the code.
   */
  static void exit(int code, Properties systemProperties, IntConsumer jvmExit) throws SparkUserAppException {
    boolean yarnCluster = systemProperties.getProperty("spark.yarn.app.id") != null
        && "cluster".equals(systemProperties.getProperty("spark.submit.deployMode"));
    if (!yarnCluster) {
      jvmExit.accept(code);
    } else if (code != ExitCode.SUCCESS.code()) {
      throw new SparkUserAppException(code);
    }
  }

  /** Runs one command line and returns its exit code, without exiting the JVM. */
  public static ExitCode run(String[] args, PrintStream out, PrintStream err) {
    try {
      Arguments arguments = Arguments.parse(args);
      if (arguments.command() == null) {
        if (arguments.help()) {
          out.print(Help.tool());
          return ExitCode.SUCCESS;
        }
        err.print("Missing command.\n\n" + Help.tool());
        return ExitCode.INVALID_INPUT;
      }
      Command command = Commands.forName(arguments.command());
      if (arguments.overwriteDiverged() && !arguments.command().equals("sync")) {
        throw new InvalidInputException("Cannot use --overwrite-diverged with " + arguments.command()
            + ": only sync overwrites diverged target logs. Remove the option.");
      }
      if (!arguments.commandOptions().isEmpty() && !arguments.command().equals("size")) {
        String option = arguments.commandOptions().keySet().iterator().next();
        throw new InvalidInputException("Cannot use " + option + " with " + arguments.command() + ": only size"
            + " takes it. Remove the option.");
      }
      if (arguments.help()) {
        out.print(Help.command(arguments.command()));
        return ExitCode.SUCCESS;
      }
      return command.run(arguments, out);
    } catch (LeptonException e) {
      err.println("ERROR: " + e.getMessage());
      if (e.getCause() != null) {
        LOG.debug("Cause", e.getCause());
      }
      return e.exitCode();
    } catch (Exception | LinkageError e) {
      // Spark throws its checked SparkException from Scala code without declaring it.
      LeptonException wrapped = Failures.unwrap(e);
      if (wrapped != null) {
        err.println("ERROR: " + wrapped.getMessage());
        return wrapped.exitCode();
      }
      LOG.error("The job failed", e);
      err.println("ERROR: The job failed: " + e + ". See the log above for the stack trace.");
      return ExitCode.FAILED;
    }
  }

  /** One command of the tool. */
  interface Command {
    ExitCode run(Arguments arguments, PrintStream out);
  }

  static InvalidInputException unknownCommand(String name) {
    return new InvalidInputException(
        "Cannot run command '" + name + "': there is no such command. Commands are plan, copy, sync,"
            + " verify, size and generate; run with --help.");
  }
}
