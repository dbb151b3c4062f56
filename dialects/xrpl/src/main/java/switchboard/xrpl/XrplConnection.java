package switchboard.xrpl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Hub;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.delivery.Outbox;
import switchboard.transport.Connection;
import switchboard.transport.DialectStats;

/**
 * One xrpl client: what it is subscribed to, by stream, account and book, and the api_version its
 * pushes are rendered in. Touched on its event loop only.
 */
final class XrplConnection extends Connection {
  private static final Logger log = LoggerFactory.getLogger(XrplConnection.class);
  /** rippled's close for a full send queue (BaseWSPeer). */
  static final int POLICY_ERROR = 1008;
  static final String TOO_SLOW = "Policy error: client is too slow.";

  final Hub hub;
  final boolean admin;
  /** The last subscribe's api_version decides the rendering of every push (XRPLF/clio#1133). */
  int apiVersion = 1;
  /** Requests held while an answer is awaited from the upstream; answers leave in request order. */
  static final int MAX_QUEUED_REQUESTS = 1_000;
  boolean awaiting;
  final java.util.ArrayDeque<byte[]> queued = new java.util.ArrayDeque<>();
  final Holdings holdings = new Holdings();

  XrplConnection(Channel channel, Hub hub, boolean admin, Outbox.Limits limits, DialectStats stats) {
    super(channel, limits, stats);
    this.hub = hub;
    this.admin = admin;
  }

  void reply(ObjectNode response) {
    byte[] b = Envelope.bytes(response);
    sendTextFrame(b);
  }

  /**
   * One copy per category the message reached this connection through (protocols/xrpl.md §4); the
   * bytes are the event's shared rendering for this connection's api_version.
   */
  @Override
  public void deliver(Message m, List<Subscription> matched) {
    if (!(m.attachment() instanceof XrplEvent event)) {
      return;
    }
    int bits = 0;
    for (Subscription s : matched) {
      bits |= s.attachment(Category.class).bit;
    }
    // the event's frame, encoded once for all its receivers, goes past the WebSocket encoder as bytes
    byte[] frame = event.frame(apiVersion);
    for (int n = Integer.bitCount(bits); n > 0; n--) {
      if (!sendBytes(frame)) {
        return;
      }
    }
  }

  /** More requests waiting than {@link #MAX_QUEUED_REQUESTS}: closed as rippled closes an abusive client. */
  void tooManyRequests() {
    log.info("closing {}: {} requests queued", channel.remoteAddress(), queued.size());
    queued.clear();
    channel.writeAndFlush(new CloseWebSocketFrame(POLICY_ERROR, "threshold exceeded")).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  protected void onSlowConsumer(Outbox.Limit limit) {
    log.info("closing {}: {}", channel.remoteAddress(), TOO_SLOW);
    channel.writeAndFlush(new CloseWebSocketFrame(POLICY_ERROR, TOO_SLOW)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  protected void onClose() {
    queued.clear();
    hub.release(this);
    holdings.clear();
  }
}
