package switchboard.xrpl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The current offers a book subscription with {@code snapshot} asks for (protocols/xrpl.md §1.1):
 * this server keeps no ledger, so it asks the upstream's {@code book_offers} for the last validated
 * ledger. One book gives {@code offers}; with {@code both}, the book as given gives {@code bids} and
 * the reversed book {@code asks}. Several books accumulate into the same arrays.
 */
final class Snapshot {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Snapshot() {}

  /** Completes with the fields to merge into the subscribe result. */
  static CompletableFuture<ObjectNode> take(UpstreamSource upstream, List<SubscriptionRequest.BookRequest> books) {
    List<CompletableFuture<ObjectNode>> asked = new ArrayList<>();
    List<String> into = new ArrayList<>();
    for (SubscriptionRequest.BookRequest b : books) {
      asked.add(upstream.request(bookOffers(b.takerPays(), b.takerGets(), b.taker())));
      into.add(b.both() ? "bids" : "offers");
      if (b.both()) {
        asked.add(upstream.request(bookOffers(b.takerGets(), b.takerPays(), b.taker())));
        into.add("asks");
      }
    }
    return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenApply(x -> {
      ObjectNode fields = NODES.objectNode();
      for (int i = 0; i < asked.size(); i++) {
        ArrayNode to = fields.withArrayProperty(into.get(i));
        asked.get(i).join().path("offers").forEach(to::add);
      }
      return fields;
    });
  }

  private static ObjectNode bookOffers(Asset pays, Asset gets, String taker) {
    ObjectNode r = NODES.objectNode();
    r.put("command", "book_offers");
    r.set("taker_pays", side(pays));
    r.set("taker_gets", side(gets));
    r.put("ledger_index", "validated");
    if (taker != null) {
      r.put("taker", taker);
    }
    return r;
  }

  private static ObjectNode side(Asset a) {
    ObjectNode s = NODES.objectNode().put("currency", a.currency());
    if (a.issuer() != null) {
      s.put("issuer", a.issuer());
    }
    return s;
  }
}
