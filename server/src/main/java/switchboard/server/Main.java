package switchboard.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import switchboard.server.config.Config;
import switchboard.server.config.ConfigException;
import switchboard.server.config.ConfigLoader;

/** The command line: parse, load the config, start the server, wait. */
@Command(
    name = "switchboard",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "A real-time publish/subscribe server for the AMPS JSON, DeviceHive and XRPL dialects.",
    subcommands = {Main.Serve.class, Main.CheckConfig.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
  /** Exit status for a configuration that does not load, as for any other usage error. */
  static final int CONFIG_ERROR = CommandLine.ExitCode.USAGE;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit status; {@code serve} returns once the server stops. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        // A failure such as a port in use is one line for an operator; one without a message is a
        // bug, and its stack trace is what a developer needs.
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e.getMessage() == null) {
            e.printStackTrace(cmd.getErr());
          } else {
            cmd.getErr().println("switchboard: " + e.getMessage());
          }
          return CommandLine.ExitCode.SOFTWARE;
        })
        .execute(args);
  }

  /** Without a command there is nothing to do: show what there is. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  @Command(name = "serve", description = "Run the server until it is stopped (Ctrl-C, SIGTERM).")
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
        description = "YAML file overriding the embedded defaults. Every key is documented in"
            + " server/src/main/resources/switchboard-defaults.yaml.")
    Path config;

    @Option(names = "--http-port", paramLabel = "N", description = "Same as --set http.port=N; 0 for any free port.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", description = "Same as --set http.host=HOST.")
    String httpHost;

    @Mixin Overrides overrides;

    @Override
    public Integer call() throws InterruptedException {
      List<String> sets = new ArrayList<>(overrides.assignments);
      if (httpPort != null) {
        sets.add("http.port=" + httpPort);
      }
      if (httpHost != null) {
        sets.add("http.host=" + httpHost);
      }
      Config loaded;
      try {
        loaded = ConfigLoader.load(config, sets);
      } catch (ConfigException e) {
        return report(spec, e);
      }
      Server server = new Server(loaded).start(); // logs the bound ports
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "switchboard-shutdown"));
      server.awaitClose();
      return CommandLine.ExitCode.OK;
    }
  }

  @Command(name = "check-config", description = "Check a config file without starting the server.")
  static final class CheckConfig implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The YAML file to check.")
    Path file;

    @Option(names = "--print", description = "Also print the merged configuration (defaults, file, --set) as YAML.")
    boolean print;

    @Mixin Overrides overrides;

    @Override
    public Integer call() {
      Config loaded;
      try {
        loaded = ConfigLoader.load(file, overrides.assignments);
      } catch (ConfigException e) {
        return report(spec, e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(file + ": ok");
      if (print) {
        out.print(loaded.toYaml());
      }
      out.flush();
      return CommandLine.ExitCode.OK;
    }
  }

  /** The {@code --set} option both commands share. */
  static final class Overrides {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = {
            "Override one config key; repeatable, applied after the file. The value is read as YAML"
                + " (65536, 30s, true, [a, b]).",
            "e.g. --set limits.max-frame-bytes=65536"})
    List<String> assignments = new ArrayList<>();
  }

  private static int report(CommandSpec spec, ConfigException e) {
    PrintWriter err = spec.commandLine().getErr();
    e.errors().forEach(err::println);
    err.flush();
    return CONFIG_ERROR;
  }

  /** {@code switchboard <version>}, from the properties file the build stamps. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"switchboard " + Version.current()};
    }
  }
}
