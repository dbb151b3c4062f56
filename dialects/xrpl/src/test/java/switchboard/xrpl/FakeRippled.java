package switchboard.xrpl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import switchboard.transport.Endpoint;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/**
 * A stand-in for a rippled that answers what the upstream connector asks: {@code subscribe} with an
 * empty result, {@code book_offers} with one offer naming the book it was asked for, or, when told
 * to, errors. It pushes nothing by itself.
 */
final class FakeRippled implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final List<ObjectNode> requests = new CopyOnWriteArrayList<>();
  volatile boolean refuseBookOffers;
  private final Transport transport = new Transport(TransportConfig.forTests(), new TransportStats());

  FakeRippled() {
    transport.routes().httpListener("rippled", "127.0.0.1", 0).webSocket("/", new Endpoint("rippled", () -> new Handler()));
    transport.start();
  }

  String url() {
    return "ws://127.0.0.1:" + transport.port("rippled") + "/";
  }

  private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
      ObjectNode req = (ObjectNode) JSON.readTree(frame.text());
      requests.add(req);
      ObjectNode res = JSON.createObjectNode();
      res.set("id", req.get("id"));
      res.put("type", "response");
      if (req.path("command").asText().equals("book_offers")) {
        if (refuseBookOffers) {
          res.put("status", "error").put("error", "lgrNotFound");
        } else {
          ObjectNode offer = JSON.createObjectNode().put("LedgerEntryType", "Offer").put("Account", Recording.BOB);
          offer.set("TakerPays", req.get("taker_pays"));
          offer.set("TakerGets", req.get("taker_gets"));
          res.putObject("result").put("ledger_index", 90_000_011).putArray("offers").add(offer);
          res.put("status", "success");
        }
      } else {
        res.putObject("result");
        res.put("status", "success");
      }
      ctx.writeAndFlush(new TextWebSocketFrame(res.toString()));
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
