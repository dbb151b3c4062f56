package switchboard.bench.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The side-by-side benchmark: starts the servers the chosen targets need, runs every workload of the
 * profile on every target ({@link Runner}), writes the report ({@link Report}) and prints its tables,
 * and stops the servers it started.
 *
 * <p>Usage: {@code Bench [quick|full|smoke] [target ...] [--out DIR] [--only PREFIX,...] [--reps N]
 * [--jar PATH]}. Targets default to {@link Targets#defaults()} (Switchboard's amps and the three peers, over TCP); a target whose server cannot be
 * found or started is left out, and said so. {@code --only} keeps the workloads whose names start with
 * one of the prefixes; {@code --reps} overrides the profile's repetitions. The environment variable
 * {@code SERVER_OPTS} holds the JVM options of Switchboard's process (default {@code -Xms1g -Xmx1g}).
 * Run from the repository's root: the output defaults to {@code bench/results/harness}, the server jar
 * to {@code server/target/switchboard.jar}.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    Profile profile = Profile.QUICK;
    List<String> names = new ArrayList<>();
    Path out = Path.of("bench", "results", "harness");
    Path jar = Path.of("server", "target", "switchboard.jar");
    List<String> only = List.of();
    int reps = -1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--") && i + 1 >= args.length) {
        usage("a value after " + a);
      }
      switch (a) {
        case "--out" -> out = Path.of(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        default -> {
          if (a.startsWith("--")) {
            usage("no option " + a);
          } else if (i == 0 && Profile.named(a) != null) {
            profile = Profile.named(a);
          } else {
            names.add(a);
          }
        }
      }
    }
    List<Targets.Def> defs;
    try {
      defs = names.isEmpty() ? Targets.defaults() : names.stream().map(Targets::named).toList();
    } catch (BenchException e) {
      usage(e.getMessage());
      return;
    }
    List<String> prefixes = only;
    List<Workload> workloads = Workloads.of(profile).stream()
        .filter(w -> prefixes.isEmpty() || prefixes.stream().anyMatch(w.name()::startsWith)).toList();
    String serverOpts = System.getenv().getOrDefault("SERVER_OPTS", "-Xms1g -Xmx1g").trim();
    Map<String, String> setting = new LinkedHashMap<>();
    setting.put("Switchboard JVM", serverOpts);
    setting.put("servers", Servers.settings());

    String loadBefore = Proc.loadAverage();
    try (Servers servers = new Servers(jar, Arrays.asList(serverOpts.split("\\s+")))) {
      Map<Servers.Kind, ServerProcess> up = new LinkedHashMap<>();
      for (Servers.Kind kind : defs.stream().map(Targets.Def::server).distinct().toList()) {
        String on = defs.stream().filter(d -> d.server() == kind).map(Targets.Def::name).collect(Collectors.joining(", "));
        try {
          ServerProcess s = servers.start(kind);
          up.put(kind, s);
          System.out.println("started " + s + " for " + on);
        } catch (BenchException e) {
          System.out.println("left out " + on + ": " + e.getMessage());
        }
      }
      List<Target> targets = new ArrayList<>();
      for (Targets.Def d : defs) {
        if (up.containsKey(d.server())) {
          targets.add(d.on(up.get(d.server()), servers));
        }
      }
      if (targets.isEmpty()) {
        System.err.println("no target could be set up");
        System.exit(1);
      }
      run(profile, reps > 0 ? reps : profile.repetitions, workloads, targets, out, System.out, loadBefore, setting);
    }
  }

  /**
   * Runs the workloads on the targets, writes the report into {@code out} and prints its tables to
   * {@code log}.
   *
   * @param loadBefore the load average before the servers were started
   */
  public static Report run(Profile profile, int repetitions, List<Workload> workloads, List<Target> targets, Path out,
      PrintStream log, String loadBefore, Map<String, String> setting) throws Exception {
    log.printf("profile %s: %d workload(s), %d target(s) (%s), %d repetition(s)%s; load average %s%n",
        profile.label(), workloads.size(), targets.size(), targets.stream().map(Target::name).collect(Collectors.joining(", ")),
        repetitions, profile.warmup ? " after a warm-up each" : "", loadBefore);
    List<RunResult> results = new Runner(profile, repetitions, log).run(workloads, targets);
    Report report = new Report(profile, repetitions, workloads, targets, results, loadBefore, Proc.loadAverage(), setting);
    report.write(out);
    log.println();
    log.println(report.markdown());
    log.println("written to " + out.toAbsolutePath().normalize() + ": results.json, table.md, chart.svg");
    return report;
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: Bench [quick|full|smoke] [target ...] [--out DIR] [--only PREFIX,...] [--reps N] [--jar PATH]");
    System.err.println("targets (default: " + Targets.defaults().stream().map(Targets.Def::name).collect(Collectors.joining(" "))
        + "): " + Targets.all().stream().map(Targets.Def::name).collect(Collectors.joining(" ")));
    System.exit(2);
  }
}
