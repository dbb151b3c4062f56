package switchboard.client;

import java.io.IOException;

/**
 * One connection to the server, TCP or WebSocket: sends commands and hands received messages to a
 * {@link Listener} on its receiving thread.
 */
interface Transport {

  /** What a transport reports; called on its receiving thread, one call at a time. */
  interface Listener {
    /** A whole message arrived (a SOW batch arrives as one message per record). */
    void onMessage(Message message);

    /** The connection ended; no more calls follow. */
    void onClosed(Throwable cause);
  }

  /**
   * Sends one command: its header and, when not null, its body. Safe from any thread; commands go out
   * whole and in the order of the calls.
   */
  void send(byte[] header, byte[] body) throws IOException;

  /** Closes the connection; idempotent. */
  void close();
}
