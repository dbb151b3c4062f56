package switchboard.client;

/**
 * Receives the messages of a subscription or query. Called on the client's receiving thread, one
 * message at a time, in the order the server sent them: keep it short, and do not wait there for an
 * ack (use the asynchronous methods, which return futures). An exception it throws is logged and the
 * next message is delivered as usual.
 */
@FunctionalInterface
public interface MessageHandler {
  /** Handles one message. */
  void onMessage(Message message);
}
