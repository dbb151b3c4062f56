package switchboard.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The machinery behind an {@link AmpsClient}: one transport, the commands waiting for acks, the routes
 * of subscriptions and queries, the heartbeat watch, and what happens when the connection is lost.
 *
 * <p>Threads: {@link #receive} runs on the transport's receiving thread only; everything else may be
 * called from any thread. {@link #connectionLost} runs once, on whichever thread saw the failure first
 * (receiving thread, timer, a writer, or {@link #close()}).
 */
final class Session {
  private static final System.Logger LOG = System.getLogger(Session.class.getName());

  private final AmpsUri uri;
  private final ClientOptions options;
  private final Consumer<DisconnectedException> onLost;
  private final AtomicLong ids = new AtomicLong();
  private final ScheduledThreadPoolExecutor timer;
  private final PendingAcks pending;
  private final Router router = new Router();
  private final HeartbeatMonitor heartbeat;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicLong heartbeatsReceived = new AtomicLong();
  private volatile boolean closing;
  private volatile Transport transport;
  private volatile DisconnectedException disconnected;
  private volatile MessageHandler unhandledHandler;
  private volatile Thread dispatchThread;

  /** @param onLost told once if the connection fails (not when closed) */
  Session(AmpsUri uri, String clientName, ClientOptions options, Consumer<DisconnectedException> onLost) {
    this.uri = uri;
    this.options = options;
    this.onLost = onLost;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "amps-client-timer-" + clientName);
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    this.pending = new PendingAcks(timer, options.ackTimeout());
    this.heartbeat = new HeartbeatMonitor(timer, this::connectionLost);
  }

  /** Opens the transport (no logon yet). */
  void open(String threadName, String user, String password) {
    Transport.Listener listener = new Transport.Listener() {
      @Override
      public void onMessage(Message message) {
        receive(message);
      }

      @Override
      public void onClosed(Throwable cause) {
        connectionLost(cause);
      }
    };
    try {
      transport = uri.webSocket()
          ? WsTransport.connect(uri, options.connectTimeout(), threadName, user, password, listener)
          : TcpTransport.connect(uri, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()), threadName, listener);
    } catch (IOException e) {
      throw new DisconnectedException("cannot connect to " + uri + ": " + e.getMessage(), e);
    }
    if (down.get()) {
      transport.close(); // lost while connecting
      throw disconnected;
    }
  }

  Router router() {
    return router;
  }

  HeartbeatMonitor heartbeat() {
    return heartbeat;
  }

  long heartbeatsReceived() {
    return heartbeatsReceived.get();
  }

  boolean isConnected() {
    return !down.get();
  }

  void onUnhandled(MessageHandler handler) {
    this.unhandledHandler = handler;
  }

  /** A copy of the command with the ids the protocol notes say clients fill in (§3.3, §3.4). */
  Command prepare(Command command) {
    Command c = command.copy();
    boolean publishing = c.is("p", "publish", "delta_publish", "heartbeat");
    if (c.commandId() == null && !(publishing && c.ackTypes().isEmpty())) {
      c.commandId("auto" + ids.incrementAndGet());
    }
    if (c.is("subscribe", "delta_subscribe") && c.subId() == null) {
      c.subId(c.commandId());
    }
    if (c.is("sow") && c.queryId() == null) {
      c.queryId(c.commandId());
    }
    if (c.is("sow_and_subscribe", "sow_and_delta_subscribe")) {
      if (c.subId() == null) {
        c.subId(c.queryId() != null ? c.queryId() : c.commandId());
      }
      if (c.queryId() == null) {
        c.queryId(c.subId());
      }
    }
    if (c.is("sow", "sow_and_subscribe", "sow_and_delta_subscribe") && c.header(HeaderKeys.BATCH_SIZE) == null) {
      c.batchSize(AmpsClient.DEFAULT_BATCH_SIZE);
    }
    return c;
  }

  /**
   * Sends a prepared command. With ack types asked for, the future completes as {@link PendingAcks}
   * says; without, with null once written. The hooks run before the future completes.
   */
  CompletableFuture<Ack> send(Command c, Consumer<Ack> everyAck, Consumer<Ack> onSuccess, Consumer<Throwable> onFailure) {
    Set<AckType> types = c.ackTypes();
    if (types.isEmpty()) {
      try {
        write(c);
      } catch (DisconnectedException e) {
        if (onFailure != null) {
          onFailure.accept(e);
        }
        return CompletableFuture.failedFuture(e);
      }
      if (onSuccess != null) {
        onSuccess.accept(null);
      }
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Ack> f = pending.register(c.commandId(), c.command(), types, everyAck, onSuccess, onFailure);
    if (down.get()) {
      pending.fail(c.commandId(), disconnected);
      return f;
    }
    try {
      write(c);
    } catch (DisconnectedException e) {
      pending.fail(c.commandId(), e);
    }
    return f;
  }

  /**
   * Writes a command as it is.
   *
   * @throws DisconnectedException when the connection is gone
   */
  void write(Command c) {
    Transport t = transport;
    if (down.get() || t == null) {
      throw disconnected != null ? disconnected : new DisconnectedException("not connected", null);
    }
    try {
      t.send(c.encodeHeader(), c.body());
    } catch (IOException e) {
      connectionLost(e);
      throw disconnected;
    }
  }

  /** The receiving thread: one message. */
  private void receive(Message m) {
    heartbeat.heard();
    dispatchThread = Thread.currentThread();
    try {
      String c = m.command();
      if ("ack".equals(c)) {
        if (pending.onAck(m) == null) {
          unhandled(m);
        }
      } else if ("heartbeat".equals(c)) {
        heartbeatsReceived.incrementAndGet();
        beat();
      } else {
        router.dispatch(m, this::unhandled);
      }
    } finally {
      dispatchThread = null;
    }
  }

  /** Answers a server heartbeat (§2). */
  private void beat() {
    try {
      write(Command.heartbeat("beat"));
    } catch (DisconnectedException e) {
      // the connection is gone; connectionLost has told everyone
    }
  }

  private void unhandled(Message m) {
    MessageHandler h = unhandledHandler;
    if (h == null) {
      LOG.log(System.Logger.Level.DEBUG, "no route for {0}", m);
      return;
    }
    try {
      h.onMessage(m);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "unhandled-message handler failed", e);
    }
  }

  /** Closes the connection; waiting commands fail. */
  void close() {
    closing = true;
    connectionLost(new DisconnectedException("client closed", null));
  }

  private void connectionLost(Throwable cause) {
    DisconnectedException e = cause instanceof DisconnectedException d ? d
        : new DisconnectedException("connection to " + uri + " lost: " + cause, cause);
    if (disconnected == null) {
      disconnected = e;
    }
    if (!down.compareAndSet(false, true)) {
      return;
    }
    heartbeat.stop();
    Transport t = transport;
    if (t != null) {
      t.close();
    }
    pending.failAll(e);
    router.failAll(e);
    timer.shutdown();
    if (closing) {
      LOG.log(System.Logger.Level.DEBUG, "closed {0}", uri);
      return;
    }
    LOG.log(System.Logger.Level.INFO, "disconnected from {0}: {1}", uri, e.getMessage());
    try {
      onLost.accept(e);
    } catch (RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, "disconnect handler failed", ex);
    }
  }

  /**
   * Waits for a future on behalf of a blocking method (at most {@code max}, null for no limit beyond
   * the ack timeout), and throws its failure as it is.
   */
  <T> T await(CompletableFuture<T> f, Duration max) {
    if (Thread.currentThread() == dispatchThread) {
      throw new IllegalStateException("a blocking client call from a message handler would wait for itself;"
          + " use the methods that return futures there");
    }
    try {
      return max == null ? f.get() : f.get(max.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new AmpsException(cause.toString(), cause);
    } catch (TimeoutException e) {
      throw new AckTimeoutException("no answer within " + max);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AmpsException("interrupted while waiting for the server", e);
    }
  }
}
