package switchboard.bench.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import switchboard.bench.harness.proto.XrplUpstream;

/**
 * Starts the servers a run needs as child processes, each on 127.0.0.1 on a port of its own (never the
 * defaults, which this machine's own instances may hold) and without persistence, and stops every one
 * of them by its pid: on {@link #close()} and, should the JVM be interrupted (Ctrl-C), from a shutdown
 * hook. The peers come from the operating system's packages (Debian: nats-server, redis-server,
 * mosquitto); nothing is installed here. A missing binary or a port already taken is a
 * {@link BenchException} naming the server, so the caller can go on without it.
 *
 * <p>Switchboard's xrpl dialect takes its transactions from an upstream rippled: the harness plays
 * that part ({@link XrplUpstream}, in this process, on a port of its own), started before Switchboard
 * and pointed at by its {@code xrpl.upstream.url}, and closed with the servers.
 *
 * <p>Configuration files, logs and Switchboard's store live in one temporary directory, removed on
 * close. Thread-safe: the shutdown hook may run while the bench thread is starting a server.
 */
public final class Servers implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  public static final int SWITCHBOARD_AMPS = 19007;
  public static final int SWITCHBOARD_HTTP = 18080;
  public static final int SWITCHBOARD_XRPL = 16006;
  /** The stand-in rippled that Switchboard's xrpl dialect subscribes to. */
  public static final int XRPL_UPSTREAM = 16005;
  public static final int NATS = 14222;
  public static final int NATS_WS = 14223;
  public static final int REDIS = 16379;
  public static final int MOSQUITTO = 11883;
  /** The devicehive dialect's token secret for this bench (Base64), from which its tokens are made. */
  public static final String DEVICEHIVE_SECRET = secret();
  /** Connections each server is allowed, above the largest idle-connections workload. */
  static final int MAX_CONNECTIONS = 20_000;
  /**
   * Messages an xrpl client may have queued: so many that its outbox is bounded by bytes alone, as an
   * amps client's is, rather than by rippled's 100 messages, which a subscriber passes within the
   * closed loop's window and a connection pipelining thousands of subscribes passes with its answers.
   */
  static final int XRPL_SEND_QUEUE = 1_000_000;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern VERSION = Pattern.compile("v?=?(\\d+\\.\\d+\\.\\d+\\S*)");

  /** The servers the harness knows how to start. */
  public enum Kind { SWITCHBOARD, NATS, REDIS, MOSQUITTO }

  private final Path dir;
  private final Path switchboardJar;
  private final List<String> switchboardJvm;
  private final List<ServerProcess> started = new ArrayList<>();
  private XrplUpstream xrplUpstream;
  private final Thread hook = new Thread(this::stopAll, "servers-stop");

  /**
   * @param switchboardJar the server's fat jar ({@code server/target/switchboard.jar})
   * @param switchboardJvm the JVM options of Switchboard's process, e.g. {@code -Xms1g -Xmx1g}
   */
  public Servers(Path switchboardJar, List<String> switchboardJvm) throws IOException {
    this.dir = Files.createTempDirectory("switchboard-bench-");
    this.switchboardJar = switchboardJar;
    this.switchboardJvm = List.copyOf(switchboardJvm);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** How the servers are configured, for the report. */
  public static String settings() {
    return "each on " + HOST + " on a port of its own, no persistence; Switchboard: the server jar with its defaults "
        + "but limits.max-connections " + MAX_CONNECTIONS + ", a devicehive token secret (store, which only devicehive's "
        + "notifications use, in a temporary directory), xrpl.send-queue-limit " + XRPL_SEND_QUEUE + " (so that an xrpl "
        + "client's outbox is bounded by its bytes, limits.outbox-max-bytes, as an amps client's is, not by rippled's 100 "
        + "messages) and, as the xrpl dialect's upstream rippled, a stand-in in the load generator on port " + XRPL_UPSTREAM
        + " (xrpl.upstream.url; reconnect-min 100ms) that pushes one validated transaction per message; nats-server: its config file names only the listeners (TCP, and "
        + "WebSocket without TLS); redis-server: --save \"\" --appendonly no --maxclients " + MAX_CONNECTIONS + "; mosquitto: "
        + "persistence false, allow_anonymous true, "
        + "set_tcp_nodelay true (NATS, Redis and Switchboard disable Nagle's algorithm by default, Mosquitto only when asked)";
  }

  /** Switchboard settings from the environment, {@code SERVER_SET="engine.io-threads=2 ..."}, for trying a setting out. */
  static List<String> extraSettings() {
    String v = System.getenv().getOrDefault("SERVER_SET", "").trim();
    return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
  }

  private static String secret() {
    byte[] b = new byte[30]; // a multiple of 3: Base64 without padding
    new java.security.SecureRandom().nextBytes(b);
    return java.util.Base64.getEncoder().encodeToString(b);
  }

  /** Starts a server of this kind and returns once its ports accept connections. */
  public ServerProcess start(Kind kind) throws IOException, InterruptedException {
    return switch (kind) {
      case SWITCHBOARD -> switchboard();
      case NATS -> nats();
      case REDIS -> redis();
      case MOSQUITTO -> mosquitto();
    };
  }

  private ServerProcess switchboard() throws IOException, InterruptedException {
    if (!Files.isRegularFile(switchboardJar)) {
      throw new BenchException("switchboard: no server jar at " + switchboardJar + " (mvn -B -q -DskipTests -pl server -am package)");
    }
    XrplUpstream upstream = xrplUpstream();
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(switchboardJvm);
    cmd.addAll(List.of("-jar", switchboardJar.toString(), "serve"));
    for (String set : List.of(
        "http.host=" + HOST, "http.port=" + SWITCHBOARD_HTTP,
        "amps.tcp-host=" + HOST, "amps.tcp-port=" + SWITCHBOARD_AMPS,
        "xrpl.host=" + HOST, "xrpl.port=" + SWITCHBOARD_XRPL,
        "xrpl.upstream.url=" + upstream.url(), "xrpl.upstream.reconnect-min=100ms", "xrpl.send-queue-limit=" + XRPL_SEND_QUEUE,
        "store.data-dir=" + dir.resolve("switchboard-store"),
        "devicehive.jwt.secret=" + DEVICEHIVE_SECRET,
        "limits.max-connections=" + MAX_CONNECTIONS)) {
      cmd.add("--set");
      cmd.add(set);
    }
    for (String set : extraSettings()) {
      cmd.add("--set");
      cmd.add(set);
    }
    Process p = launch("switchboard", cmd, List.of(SWITCHBOARD_AMPS, SWITCHBOARD_HTTP, SWITCHBOARD_XRPL));
    return register(new ServerProcess("switchboard", switchboardVersion(), p.pid(), p));
  }

  /**
   * The stand-in rippled of Switchboard's xrpl dialect, listening from the first call on (before
   * Switchboard is started, so that the dialect finds it at once).
   */
  public synchronized XrplUpstream xrplUpstream() throws IOException {
    if (xrplUpstream == null) {
      try {
        xrplUpstream = new XrplUpstream(HOST, XRPL_UPSTREAM);
      } catch (BindException e) {
        throw new BenchException("switchboard: port " + XRPL_UPSTREAM + " on " + HOST + ", for the xrpl dialect's stand-in rippled, "
            + "is taken; stop what listens there");
      }
      xrplUpstream.start();
    }
    return xrplUpstream;
  }

  private ServerProcess nats() throws IOException, InterruptedException {
    String bin = binary("nats-server", "nats-server");
    Path conf = write("nats.conf", String.join("\n",
        "listen: " + HOST + ":" + NATS,
        "websocket { host: " + HOST + ", port: " + NATS_WS + ", no_tls: true }",
        ""));
    Process p = launch("nats-server", List.of(bin, "-c", conf.toString()), List.of(NATS, NATS_WS));
    return register(new ServerProcess("nats-server", version(bin, "--version"), p.pid(), p));
  }

  private ServerProcess redis() throws IOException, InterruptedException {
    String bin = binary("redis-server", "redis-server");
    Process p = launch("redis-server", List.of(bin, "--bind", HOST, "--port", Integer.toString(REDIS),
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString(),
        "--maxclients", Integer.toString(MAX_CONNECTIONS)), List.of(REDIS));
    return register(new ServerProcess("redis-server", version(bin, "--version"), p.pid(), p));
  }

  private ServerProcess mosquitto() throws IOException, InterruptedException {
    String bin = binary("mosquitto", "mosquitto");
    Path conf = write("mosquitto.conf", String.join("\n",
        "listener " + MOSQUITTO + " " + HOST,
        "allow_anonymous true",
        "persistence false",
        // NATS, Redis and Switchboard disable Nagle's algorithm on their own; Mosquitto only when asked
        "set_tcp_nodelay true",
        ""));
    Process p = launch("mosquitto", List.of(bin, "-c", conf.toString()), List.of(MOSQUITTO));
    return register(new ServerProcess("mosquitto", version(bin, "-h"), p.pid(), p));
  }

  /** Checks the ports are free, starts the process (output to a log file) and waits for its ports. */
  private Process launch(String name, List<String> cmd, List<Integer> ports) throws IOException, InterruptedException {
    for (int port : ports) {
      if (accepts(port)) {
        throw new BenchException(name + ": port " + port + " on " + HOST + " is taken; stop what listens there");
      }
    }
    Path log = dir.resolve(name + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess provisional = new ServerProcess(name, "", p.pid(), p);
    synchronized (this) {
      started.add(provisional);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    for (int port : ports) {
      while (!accepts(port)) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          String why = p.isAlive() ? "did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s" : "exited with " + p.exitValue();
          provisional.stop();
          throw new BenchException(name + " " + why + "; the end of its log:\n" + tail(log));
        }
        Thread.sleep(100);
      }
    }
    return p;
  }

  /** Replaces the provisional entry {@link #launch} made with the complete one. */
  private synchronized ServerProcess register(ServerProcess server) {
    started.replaceAll(s -> s.pid() == server.pid() ? server : s);
    return server;
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The binary's path: the usual Debian places, then the PATH. */
  private static String binary(String server, String name) {
    List<String> places = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
    places.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    for (String place : places) {
      Path p = Path.of(place.isEmpty() ? "." : place, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new BenchException(server + ": not found (no " + name + " in /usr/sbin, /usr/bin or the PATH; Debian package " + server + ")");
  }

  /** The first version number the binary prints when asked with {@code flag}. */
  private static String version(String bin, String flag) {
    try {
      Process p = new ProcessBuilder(bin, flag).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      Matcher m = VERSION.matcher(out);
      return m.find() ? m.group(1) : "unknown";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  /** The version /health reports, and the commit when the jar was built from a git checkout. */
  private static String switchboardVersion() {
    String version = "unknown";
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + SWITCHBOARD_HTTP + "/health")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"").matcher(r.body());
      if (r.statusCode() == 200 && m.find()) {
        version = m.group(1);
      }
    } catch (IOException e) {
      // the version is for the report only
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String commit = gitCommit();
    return commit == null ? version : version + " (" + commit + ")";
  }

  private static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log)";
    }
  }

  /** Stops every process started, newest first, by its pid; then the xrpl dialect's stand-in rippled. */
  private void stopAll() {
    List<ServerProcess> all;
    XrplUpstream upstream;
    synchronized (this) {
      all = new ArrayList<>(started);
      started.clear();
      upstream = xrplUpstream;
      xrplUpstream = null;
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).stop();
    }
    if (upstream != null) {
      try {
        upstream.close();
      } catch (IOException e) {
        System.err.println("could not close the xrpl stand-in rippled: " + e.getMessage());
      }
    }
  }

  /** Stops every server started and removes the temporary directory. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
