package switchboard.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a bench run leaves behind, in an output directory: {@code results.json} (the setting and every
 * run's raw figures, for machines), {@code table.md} (per workload the median with min and max per
 * target, and the ratios of Switchboard to each peer, for BENCHMARKS.md) and {@code chart.svg} (see
 * {@link Chart}). The same tables are printed at the end of a run.
 */
public final class Report {
  private final ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
  private final Profile profile;
  private final int repetitions;
  private final List<Workload> workloads;
  private final List<Target> targets;
  private final Summary summary;
  private final String loadBefore;
  private final String loadAfter;
  private final Map<String, String> setting;

  /**
   * @param setting more lines for the report's header, e.g. the JVM options of Switchboard's process
   */
  public Report(Profile profile, int repetitions, List<Workload> workloads, List<Target> targets, List<RunResult> results,
      String loadBefore, String loadAfter, Map<String, String> setting) {
    this.profile = profile;
    this.repetitions = repetitions;
    this.workloads = List.copyOf(workloads);
    this.targets = List.copyOf(targets);
    this.summary = new Summary(results);
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.setting = new LinkedHashMap<>(setting);
  }

  public Summary summary() {
    return summary;
  }

  /** Writes results.json, table.md and chart.svg into {@code dir}, creating it. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json());
    Files.writeString(dir.resolve("table.md"), markdown());
    Files.writeString(dir.resolve("chart.svg"), new Chart(workloads, summary, title()).svg());
  }

  private String title() {
    return "Switchboard and its peers, bench/run " + profile.label() + ", " + date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
        + ", " + Runtime.getRuntime().availableProcessors() + " cores";
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", Proc.cpuModel());
    m.put("memoryMiB", Proc.memoryMib());
    m.put("kernel", Proc.kernel());
    m.put("loadAverageBefore", loadBefore);
    m.put("loadAverageAfter", loadAfter);
    return m;
  }

  private static String java() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  private Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("date", date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    root.put("profile", profile.label());
    root.put("repetitions", repetitions);
    root.put("warmup", profile.warmup);
    root.put("machine", machine());
    root.put("java", java());
    root.put("generatorJvm", ManagementFactory.getRuntimeMXBean().getInputArguments());
    root.put("setting", setting);
    List<Map<String, Object>> servers = new ArrayList<>();
    targets.stream().map(Target::server).distinct().forEach(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("version", s.version());
      m.put("pid", s.pid());
      servers.add(m);
    });
    root.put("servers", servers);
    List<Map<String, Object>> ts = new ArrayList<>();
    for (Target t : targets) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("protocol", t.protocol().name());
      m.put("transport", t.protocol().transport().name());
      m.put("address", t.address().getHostString() + ":" + t.address().getPort());
      m.put("server", t.server().name());
      ts.add(m);
    }
    root.put("targets", ts);
    List<Map<String, Object>> ws = new ArrayList<>();
    for (Workload w : workloads) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", w.name());
      m.put("method", w.method());
      m.put("metrics", w.metrics());
      m.put("summary", summaryJson(w));
      ws.add(m);
    }
    root.put("workloads", ws);
    List<Map<String, Object>> runs = new ArrayList<>();
    for (RunResult r : summary.results()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workload", r.workload());
      m.put("target", r.target());
      m.put("repetition", r.repetition());
      m.put("warmup", r.warmup());
      m.put("sent", r.sent());
      m.put("delivered", r.delivered());
      m.put("expected", r.expected());
      m.put("seconds", r.seconds());
      Map<String, Object> figures = new LinkedHashMap<>();
      r.figures().forEach((k, v) -> figures.put(k, Double.isNaN(v) ? null : v));
      m.put("figures", figures);
      m.put("notes", r.notes());
      runs.add(m);
    }
    root.put("runs", runs);
    return root;
  }

  private Map<String, Object> summaryJson(Workload w) {
    Map<String, Object> byTarget = new LinkedHashMap<>();
    for (String t : summary.targets(w)) {
      Map<String, Object> byMetric = new LinkedHashMap<>();
      for (Metric m : w.metrics()) {
        Summary.Stat s = summary.stat(w, t, m);
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("median", nullable(s.median()));
        stat.put("min", nullable(s.min()));
        stat.put("max", nullable(s.max()));
        stat.put("runs", s.runs());
        if (m.ratio() && t.startsWith(Target.OURS)) {
          Map<String, Object> ratios = new LinkedHashMap<>();
          for (String peer : summary.peers(w)) {
            ratios.put(peer, nullable(summary.ratio(w, m, t, peer)));
          }
          stat.put("ratioTo", ratios);
        }
        byMetric.put(m.key(), stat);
      }
      byTarget.put(t, byMetric);
    }
    return byTarget;
  }

  private static Double nullable(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** The whole report as Markdown: the setting, a table per workload, the ratios, the runs' notes. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(title()).append("\n\n");
    Map<String, Object> m = machine();
    b.append("- date: ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
    b.append("- machine: ").append(m.get("cores")).append(" cores (").append(m.get("cpu")).append("), ")
        .append(m.get("memoryMiB")).append(" MiB, Linux ").append(m.get("kernel"))
        .append("; load average before ").append(loadBefore).append(", after ").append(loadAfter).append('\n');
    b.append("- java: ").append(java()).append('\n');
    StringJoiner servers = new StringJoiner(", ");
    targets.stream().map(Target::server).distinct().forEach(s -> servers.add(s.name() + " " + s.version()));
    b.append("- servers: ").append(servers).append('\n');
    setting.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
    b.append("- method: one load generator for every target, speaking each protocol itself over NIO: every subscriber "
        + "socket on one selector thread, one raw publisher socket; the send time travels in each 100-byte JSON payload. ")
        .append(repetitions).append(" measured run(s) per target and workload, the targets alternating in rotated order")
        .append(profile.warmup ? ", after one unmeasured warm-up each" : "")
        .append("; each figure is the median (min – max) of those runs. Server CPU from /proc/<pid>/stat.\n");
    for (Workload w : workloads) {
      if (!summary.targets(w).isEmpty()) {
        b.append('\n').append(workloadTable(w));
      }
    }
    if (workloads.stream().anyMatch(w -> !summary.ours(w).isEmpty() && !summary.peers(w).isEmpty())) {
      b.append('\n').append(ratioTable());
    }
    String notes = notes();
    if (!notes.isEmpty()) {
      b.append("\nNotes on runs:\n\n").append(notes);
    }
    return b.toString();
  }

  private String workloadTable(Workload w) {
    StringBuilder b = new StringBuilder("## ").append(w.name()).append("\n\n").append(w.method()).append(".\n\n");
    b.append("| target |");
    w.metrics().forEach(m -> b.append(' ').append(m.label()).append(" |"));
    b.append(" complete runs |\n|---|");
    w.metrics().forEach(m -> b.append("---|"));
    b.append("---|\n");
    for (String t : summary.targets(w)) {
      b.append("| ").append(t).append(" |");
      for (Metric m : w.metrics()) {
        Summary.Stat s = summary.stat(w, t, m);
        b.append(' ').append(Metric.format(s.median()));
        if (s.runs() > 1) {
          b.append(" (").append(Metric.format(s.min())).append(" – ").append(Metric.format(s.max())).append(')');
        }
        b.append(" |");
      }
      List<RunResult> runs = summary.measured(w, t);
      b.append(' ').append(runs.stream().filter(RunResult::complete).count()).append('/').append(runs.size()).append(" |\n");
    }
    return b.toString();
  }

  /**
   * Per workload, figure and Switchboard target, its median divided by each peer's: above 1 means more
   * of the figure on Switchboard's side, which is better for throughput and worse for latency.
   */
  public String ratioTable() {
    List<String> peers = new ArrayList<>();
    for (Workload w : workloads) {
      summary.peers(w).stream().filter(p -> !peers.contains(p)).forEach(peers::add);
    }
    StringBuilder b = new StringBuilder("## Switchboard ÷ peer\n\n");
    b.append("The median of a Switchboard target divided by the peer's: above 1 is more on Switchboard's side, "
        + "which is better where higher is better and worse for latency.\n\n");
    b.append("| workload | figure | Switchboard |");
    peers.forEach(p -> b.append(" ÷ ").append(p).append(" |"));
    b.append("\n|---|---|---|");
    peers.forEach(p -> b.append("---|"));
    b.append('\n');
    for (Workload w : workloads) {
      for (Metric m : w.metrics()) {
        if (!m.ratio()) {
          continue;
        }
        for (String ours : summary.ours(w)) {
          b.append("| ").append(w.name()).append(" | ").append(m.label()).append(m.higherIsBetter() ? " (higher is better)" : " (lower is better)")
              .append(" | ").append(ours).append(" |");
          for (String p : peers) {
            double r = summary.ratio(w, m, ours, p);
            b.append(' ').append(Double.isNaN(r) ? "–" : String.format("%.2f×", r)).append(" |");
          }
          b.append('\n');
        }
      }
    }
    return b.toString();
  }

  private String notes() {
    StringBuilder b = new StringBuilder();
    for (RunResult r : summary.results()) {
      if (!r.notes().isEmpty()) {
        b.append("- ").append(r.workload()).append(", ").append(r.target()).append(", ")
            .append(r.warmup() ? "warm-up" : "run " + r.repetition()).append(": ").append(String.join("; ", r.notes())).append('\n');
      }
    }
    return b.toString();
  }
}
