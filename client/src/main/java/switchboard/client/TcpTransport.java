package switchboard.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@code tcp://} (and {@code tcps://}) transport on a blocking socket: one daemon thread reads
 * and dispatches; writers take turns on the socket under a lock, one whole frame per command.
 */
final class TcpTransport implements Transport {
  /** The largest frame accepted from the server. */
  private static final System.Logger LOG = System.getLogger(TcpTransport.class.getName());
  static final int MAX_FRAME = 1 << 30;

  private final Socket socket;
  private final OutputStream out;
  private final Object writeLock = new Object();
  private volatile boolean closed;

  private TcpTransport(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  static TcpTransport connect(AmpsUri uri, int connectTimeoutMillis, String threadName, Listener listener) throws IOException {
    Socket s = uri.tls() ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(uri.host(), uri.port()), connectTimeoutMillis);
      TcpTransport t = new TcpTransport(s);
      Thread reader = new Thread(() -> t.read(listener), threadName);
      reader.setDaemon(true);
      reader.start();
      return t;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void read(Listener listener) {
    TcpFrames.Decoder decoder = new TcpFrames.Decoder(MAX_FRAME);
    byte[] buf = new byte[64 * 1024];
    Throwable cause;
    try (InputStream in = socket.getInputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        decoder.feed(buf, 0, n, frame -> {
          List<Message> messages;
          try {
            messages = TcpFrames.parse(frame);
          } catch (IOException e) {
            // the length prefix still delimits the next frame: skip this one, keep the connection
            LOG.log(System.Logger.Level.WARNING, "skipping a frame that is not a valid header and body: {0}", e.getMessage());
            return;
          }
          for (Message m : messages) {
            listener.onMessage(m);
          }
        });
      }
      cause = new EOFException("connection closed by the server");
    } catch (SocketException e) {
      cause = closed ? new EOFException("connection closed") : e;
    } catch (IOException | RuntimeException e) {
      cause = e;
    }
    close();
    listener.onClosed(cause);
  }

  @Override
  public void send(byte[] header, byte[] body) throws IOException {
    byte[] frame = TcpFrames.encode(header, body);
    synchronized (writeLock) {
      out.write(frame);
      out.flush();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
