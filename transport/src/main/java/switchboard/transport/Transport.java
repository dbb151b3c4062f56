package switchboard.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every listener of one server on one set of event loops: the main HTTP listener, extra HTTP
 * listeners, and length-prefixed TCP listeners. Routes are registered through {@link #routes()} before
 * {@link #start()}; connections are counted against one global limit.
 */
public final class Transport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);
  public static final String HTTP_LISTENER = "http";

  private final TransportConfig config;
  private final TransportStats stats;
  private final HttpRoutes main;
  private final Map<String, HttpRoutes> httpListeners = new LinkedHashMap<>();
  private final Map<String, TcpListener> tcpListeners = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final List<Channel> serverChannels = new ArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final ChannelGroup children = new DefaultChannelGroup("switchboard", GlobalEventExecutor.INSTANCE);
  private final List<Consumer<Executor>> workerInits = new ArrayList<>();
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private boolean started;

  private record TcpListener(String name, String host, int port, Endpoint endpoint) {}

  public Transport(TransportConfig config, TransportStats stats) {
    this.config = config;
    this.stats = stats;
    this.main = new HttpRoutes(HTTP_LISTENER, config.host(), config.httpPort());
    httpListeners.put(HTTP_LISTENER, main);
  }

  /** Where dialects and the server register what they serve; only before {@link #start()}. */
  public Routes routes() {
    return new Routes() {
      @Override
      public HttpListener http() {
        return main;
      }

      @Override
      public HttpListener httpListener(String name, String host, int port) {
        checkNotStarted();
        checkFreeName(name);
        HttpRoutes r = new HttpRoutes(name, host, port);
        httpListeners.put(name, r);
        return r;
      }

      @Override
      public void tcpListener(String name, String host, int port, Endpoint endpoint) {
        checkNotStarted();
        checkFreeName(name);
        tcpListeners.put(name, new TcpListener(name, host, port, endpoint));
      }
    };
  }

  /**
   * Runs {@code init} on the thread of each event loop that serves connections, given that loop, before
   * the loop serves any (the hub's {@code batchDeliveriesOnThisThread}). Only before {@link #start()}.
   */
  public synchronized void onEachWorkerThread(Consumer<Executor> init) {
    checkNotStarted();
    workerInits.add(init);
  }

  /** Binds every listener; returns when all accept connections. */
  public synchronized void start() {
    checkNotStarted();
    started = true;
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("sb-accept", true));
    workers = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("sb-io", true));
    for (EventExecutor loop : workers) {
      for (Consumer<Executor> init : workerInits) {
        loop.execute(() -> init.accept(loop)); // queued ahead of any channel the loop will register
      }
    }
    try {
      for (HttpRoutes r : httpListeners.values()) {
        bind(r.name, r.host, r.port, new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            initHttp(ch, r);
          }
        });
      }
      for (TcpListener t : tcpListeners.values()) {
        bind(t.name(), t.host(), t.port(), new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            initTcp(ch, t);
          }
        });
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The bound port of a listener, by name ({@link #HTTP_LISTENER} for the main one). */
  public int port(String listener) {
    Integer p = ports.get(listener);
    if (p == null) {
      throw new IllegalArgumentException("no bound listener named " + listener + "; bound: " + ports.keySet());
    }
    return p;
  }

  /** Bound ports by listener name. */
  public Map<String, Integer> ports() {
    return Map.copyOf(ports);
  }

  /** Open connections on every listener. */
  public int connectionCount() {
    return open.get();
  }

  public TransportStats stats() {
    return stats;
  }

  public TransportConfig config() {
    return config;
  }

  /** Closes every listener and connection and stops the event loops. */
  @Override
  public synchronized void close() {
    for (Channel c : serverChannels) {
      c.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    serverChannels.clear();
    children.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (workers != null) {
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      workers = null;
      boss = null;
    }
  }

  private void bind(String name, String host, int port, ChannelInitializer<SocketChannel> init) {
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
            new WriteBufferWaterMark(config.writeBufferHighWater() / 2, config.writeBufferHighWater()))
        .handler(new AcceptLimiter())
        .childHandler(init);
    Channel ch;
    try {
      ch = b.bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
    } catch (Exception e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + name + "): " + e.getMessage(), e);
    }
    serverChannels.add(ch);
    int bound = ((InetSocketAddress) ch.localAddress()).getPort();
    ports.put(name, bound);
    log.info("listening on {}:{} ({})", host, bound, name);
  }

  /**
   * Counts each accepted connection against the limit, or closes it. Runs on the accepting thread,
   * before the connection is handed to an event loop, so connections are admitted in accept order.
   */
  @ChannelHandler.Sharable
  private final class AcceptLimiter extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Channel child = (Channel) msg;
      if (open.incrementAndGet() > config.maxConnections()) {
        open.decrementAndGet();
        log.warn("refusing connection from {}: {} connections open (limits.max-connections)", child.remoteAddress(), config.maxConnections());
        child.unsafe().closeForcibly();
        return;
      }
      child.closeFuture().addListener(f -> open.decrementAndGet());
      children.add(child);
      ctx.fireChannelRead(child);
    }
  }

  private void common(ChannelPipeline p, DialectStats initial) {
    p.addLast(PipelineNames.STATS, new StatsHandler(initial));
    if (!config.idleTimeout().isZero()) {
      p.addLast(PipelineNames.IDLE, new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
      p.addLast(PipelineNames.IDLE_POLICY, new IdlePolicy());
    }
  }

  private void initHttp(SocketChannel ch, HttpRoutes routes) {
    ChannelPipeline p = ch.pipeline();
    DialectStats http = stats.of(TransportStats.HTTP);
    common(p, http);
    p.addLast(PipelineNames.HTTP_CODEC, new HttpServerCodec());
    p.addLast(PipelineNames.HTTP_AGGREGATOR, new HttpObjectAggregator(config.maxHttpBodyBytes()));
    p.addLast(PipelineNames.ROUTER, new HttpRouter(routes, config, stats));
    p.addLast(PipelineNames.ERRORS, new ErrorCloser(http, false));
  }

  private void initTcp(SocketChannel ch, TcpListener t) {
    ChannelPipeline p = ch.pipeline();
    DialectStats dialect = stats.of(t.endpoint().dialect());
    common(p, dialect);
    p.addLast(PipelineNames.FRAME_DECODER, new LengthFieldBasedFrameDecoder(config.maxFrameBytes() + 4, 0, 4, 0, 4, true));
    p.addLast(PipelineNames.FRAME_COUNTER, new FrameCounter(dialect));
    p.addLast(PipelineNames.DIALECT, t.endpoint().handlers().get());
    p.addLast(PipelineNames.ERRORS, new ErrorCloser(dialect, false));
  }

  private void checkNotStarted() {
    if (started) {
      throw new IllegalStateException("routes are fixed once the transport has started");
    }
  }

  private void checkFreeName(String name) {
    if (httpListeners.containsKey(name) || tcpListeners.containsKey(name)) {
      throw new IllegalStateException("a listener named " + name + " exists already");
    }
  }
}
