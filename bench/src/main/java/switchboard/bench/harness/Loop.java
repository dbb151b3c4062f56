package switchboard.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One selector thread that owns every subscriber connection of a run ({@link Conn}): it connects
 * them, upgrades them to WebSocket, sends their requests and parses what arrives, handing deliveries
 * to each connection's sink. One thread for all, whatever the protocol, so the generator spends about
 * the same per delivery on every target.
 *
 * <p>Threads: everything that touches a connection runs on this loop; other threads reach it through
 * {@link #execute}, which {@link Conn}'s public methods use. {@link #close()} joins the thread, so what
 * the loop wrote (a sink's histogram) is visible to the closing thread afterwards.
 */
public final class Loop implements AutoCloseable {
  private static final int MAX_FAILURES_KEPT = 10;

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** Loop thread only. */
  private final List<Conn> conns = new ArrayList<>();
  /** Connections with bytes to write, flushed at the end of each turn; loop thread only. */
  private final List<Conn> dirty = new ArrayList<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile boolean running = true;

  public Loop(String name) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Opens a connection to the target: connect, WebSocket upgrade when the protocol needs one, then its
   * hello. {@code ready} is told one answer once the hello has been answered, or fails with the reason
   * the connection could not be set up. Requests may be sent once {@code ready} has counted it.
   */
  public Conn connect(Target target, String clientName, DeliverySink sink, Replies ready) {
    Conn c = new Conn(this, target, clientName, sink);
    execute(() -> {
      conns.add(c);
      c.start(ready);
    });
    return c;
  }

  /** Runs {@code task} on the loop thread, soon. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  Selector selector() {
    return selector;
  }

  /** A connection has bytes to write; loop thread only. */
  void dirty(Conn c) {
    dirty.add(c);
  }

  /** A connection was lost or refused; its reason is kept for the run's notes. */
  void failed(String why) {
    // the reason first, so that whoever sees the count sees a reason (one writer: the loop thread)
    if (failures.size() < MAX_FAILURES_KEPT) {
      failures.add(why);
    }
    failed.incrementAndGet();
  }

  /** How many connections were lost or refused so far. */
  public int failedCount() {
    return failed.get();
  }

  /** The reasons of the first few connections lost or refused. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  private void run() {
    try {
      while (running) {
        selector.select();
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          ((Conn) key.attachment()).handle(key);
        }
        selector.selectedKeys().clear();
        for (Conn c : dirty) {
          c.flush();
        }
        dirty.clear();
      }
    } catch (IOException | RuntimeException e) {
      failed("the loop stopped: " + e);
    } finally {
      for (Conn c : conns) {
        c.closeNow();
      }
      try {
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /**
   * Closes every connection (without counting them as lost) and waits for the thread to end, even if
   * interrupted (the interrupt is kept), so that what it wrote is visible afterwards.
   */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
