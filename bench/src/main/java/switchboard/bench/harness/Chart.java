package switchboard.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's chart, hand-written SVG: one panel per workload and compared figure (throughput,
 * deliveries per server CPU-second, latency p99), one horizontal bar per target (the median, a thin line from min to max, the value written at the end),
 * one colour per target throughout, Switchboard's targets first in blues. Each panel has its own linear
 * scale from zero and says whether higher or lower is better.
 */
final class Chart {
  private static final String[] OURS = {"#1d4ed8", "#0891b2", "#4f46e5", "#0e7490"};
  private static final String[] PEERS = {"#16a34a", "#d97706", "#dc2626", "#9333ea", "#64748b", "#a16207"};
  private static final int WIDTH = 900;
  private static final int LABEL = 170;
  private static final int BARS = 560;
  private static final int BAR = 18;
  private static final int GAP = 5;
  private static final int TITLE = 26;
  private static final int PANEL_GAP = 16;

  private final List<Workload> workloads;
  private final Summary summary;
  private final String title;
  private final List<String> targets = new ArrayList<>();

  Chart(List<Workload> workloads, Summary summary, String title) {
    this.workloads = workloads;
    this.summary = summary;
    this.title = title;
    for (Workload w : workloads) {
      summary.ours(w).stream().filter(t -> !targets.contains(t)).forEach(targets::add);
    }
    for (Workload w : workloads) {
      summary.peers(w).stream().filter(t -> !targets.contains(t)).forEach(targets::add);
    }
  }

  private String colour(String target) {
    int i = targets.indexOf(target);
    int ours = (int) targets.stream().filter(t -> t.startsWith(Target.OURS)).count();
    return target.startsWith(Target.OURS) ? OURS[i % OURS.length] : PEERS[(i - ours) % PEERS.length];
  }

  String svg() {
    StringBuilder body = new StringBuilder();
    int y = 44;
    for (Workload w : workloads) {
      List<String> ts = new ArrayList<>(summary.ours(w));
      ts.addAll(summary.peers(w));
      if (ts.isEmpty()) {
        continue;
      }
      for (Metric m : w.metrics()) {
        if (m.ratio()) {
          y = panel(body, y, w, m, ts);
        }
      }
    }
    int height = y + 24;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\""
        + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        + "<style>.title{font-weight:bold;font-size:13px}.label{text-anchor:end}.value{fill:#333}"
        + ".range{stroke:#111;stroke-width:1.5}.heading{font-size:15px;font-weight:bold}.foot{fill:#555;font-size:11px}</style>\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + text(10, 22, "heading", title)
        + body
        + text(10, height - 10, "foot", "bar: median of the measured runs; line: min to max; each panel on its own linear scale from zero")
        + "</svg>\n";
  }

  /** One panel: the workload's figure, a bar per target; returns where the next panel starts. */
  private int panel(StringBuilder body, int top, Workload w, Metric m, List<String> ts) {
    int y = top;
    body.append(text(10, y + 16, "title", w.name() + ": " + m.label() + (m.higherIsBetter() ? ", higher is better" : ", lower is better")));
    y += TITLE;
    double most = 0;
    for (String t : ts) {
      Summary.Stat s = summary.stat(w, t, m);
      most = Math.max(most, Double.isNaN(s.max()) ? 0 : s.max());
    }
    double scale = most > 0 ? BARS / (most * 1.05) : 0;
    for (String t : ts) {
      Summary.Stat s = summary.stat(w, t, m);
      int mid = y + BAR / 2;
      body.append(text(LABEL - 8, mid + 4, "label", t));
      if (Double.isNaN(s.median())) {
        body.append(text(LABEL + 4, mid + 4, "value", "no figure"));
      } else {
        double len = Math.max(1, s.median() * scale);
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", LABEL, y, len, BAR, colour(t)));
        if (s.runs() > 1) {
          body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"range\"/>%n",
              LABEL + s.min() * scale, LABEL + s.max() * scale, mid, mid));
        }
        double end = LABEL + Math.max(len, s.max() * scale);
        body.append(text((int) end + 6, mid + 4, "value", Metric.format(s.median())));
      }
      y += BAR + GAP;
    }
    return y + PANEL_GAP;
  }

  private static String text(int x, int y, String cls, String s) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" class=\"" + cls + "\">" + escape(s) + "</text>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
