package switchboard.bench.harness.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's TCP sockets as {@code /proc/net/tcp} and {@code /proc/net/tcp6} list them, by local
 * and remote port only: everything the bench opens is on the loopback, where a pair of ports names a
 * connection, and both ends of it are listed. This is how a workload sees what the server did to a
 * connection it does not read from (closed it: its end leaves ESTABLISHED at once, even while its
 * unsent data keeps the FIN from arriving), and how many connections a server still holds. Empty
 * when /proc is not there.
 */
final class TcpSockets {
  static final int ESTABLISHED = 0x01;
  static final int CLOSE_WAIT = 0x08;
  private static final String[] STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
      "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  /**
   * One socket.
   *
   * @param txQueue bytes sent and not yet acknowledged by the peer (on the loopback: not yet in its
   *     receive buffer)
   * @param rxQueue bytes received and not yet read by the process
   */
  record Entry(int localPort, int remotePort, int state, long txQueue, long rxQueue) {
    String stateName() {
      return state > 0 && state < STATES.length ? STATES[state] : "state " + state;
    }
  }

  private TcpSockets() {}

  /** Every socket listed; empty when nothing is readable. */
  static List<Entry> read() {
    List<Entry> all = new ArrayList<>();
    for (Path table : TABLES) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      for (int i = 1; i < lines.size(); i++) {
        Entry e = parse(lines.get(i));
        if (e != null) {
          all.add(e);
        }
      }
    }
    return all;
  }

  /** {@code sl local rem st tx:rx ...}, the addresses as {@code HEXADDR:HEXPORT}; null when not that. */
  static Entry parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 5) {
      return null;
    }
    try {
      int colon = f[4].indexOf(':');
      return new Entry(port(f[1]), port(f[2]), Integer.parseInt(f[3], 16),
          Long.parseLong(f[4].substring(0, colon), 16), Long.parseLong(f[4].substring(colon + 1), 16));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
  }

  /** The socket with these ports, or null. */
  static Entry find(List<Entry> all, int localPort, int remotePort) {
    for (Entry e : all) {
      if (e.localPort() == localPort && e.remotePort() == remotePort) {
        return e;
      }
    }
    return null;
  }

  /**
   * The connections a server listening on {@code port} still holds open: its ends in ESTABLISHED or
   * CLOSE_WAIT (the client closed, the server has not yet).
   */
  static int held(int port) {
    int n = 0;
    for (Entry e : read()) {
      if (e.localPort() == port && (e.state() == ESTABLISHED || e.state() == CLOSE_WAIT)) {
        n++;
      }
    }
    return n;
  }
}
