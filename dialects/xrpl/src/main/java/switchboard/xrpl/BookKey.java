package switchboard.xrpl;

/**
 * An order book as the engine indexes it: the asset that goes in and the asset that comes out, the
 * way rippled's {@code Book} names them. A transaction that touches an offer is published under
 * {@code in = TakerGets, out = TakerPays} (OrderBookDB::processTxn).
 */
record BookKey(Asset in, Asset out) {

  String key() {
    return in.key() + ">" + out.key();
  }

  BookKey reversed() {
    return new BookKey(out, in);
  }

  @Override
  public String toString() {
    return key();
  }
}
