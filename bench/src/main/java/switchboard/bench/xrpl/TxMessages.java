package switchboard.bench.xrpl;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Validated transactions as rippled pushes them on the {@code transactions} and {@code accounts}
 * streams in api_version 2 (protocols/xrpl.md §3.2): an XRP Payment between two accounts, with the two
 * AccountRoot nodes it modified in {@code meta.AffectedNodes}, so it routes to exactly those two
 * accounts. About 1.3 KB each, the size of a mainnet Payment.
 */
final class TxMessages {
  private static final String ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  /** Transactions per ledger: the dialect drops a hash it has seen in the same ledger, so each is distinct. */
  static final int PER_LEDGER = 200;
  static final long FIRST_LEDGER = 95_000_000L;

  private TxMessages() {}

  /** A valid classic address: base58check of version byte 0 and 20 random bytes. */
  static String address(SplittableRandom random) {
    byte[] payload = new byte[21];
    for (int i = 1; i < 21; i++) {
      payload[i] = (byte) random.nextInt(256);
    }
    byte[] check = sha256(sha256(payload));
    byte[] data = new byte[25];
    System.arraycopy(payload, 0, data, 0, 21);
    System.arraycopy(check, 0, data, 21, 4);
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, data);
    BigInteger radix = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(radix);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      out.append(ALPHABET.charAt(0));
    }
    return out.reverse().toString();
  }

  /** The k-th validated Payment from {@code from} to {@code to}; ledger and hash follow from k. */
  static byte[] payment(long k, String from, String to) {
    long ledger = FIRST_LEDGER + k / PER_LEDGER;
    int index = (int) (k % PER_LEDGER);
    long seq = 1_000 + k;
    long drops = 1_000_000 + (k % 1_000) * 1_000;
    String hash = h256("tx", k);
    String json = "{\"close_time_iso\":\"2026-11-23T09:00:00Z\","
        + "\"ctid\":\"C" + String.format("%07X", ledger) + String.format("%04X", index) + "0000\","
        + "\"engine_result\":\"tesSUCCESS\",\"engine_result_code\":0,"
        + "\"engine_result_message\":\"The transaction was applied. Only final in a validated ledger.\","
        + "\"hash\":\"" + hash + "\","
        + "\"ledger_hash\":\"" + h256("ledger", ledger) + "\","
        + "\"ledger_index\":" + ledger + ","
        + "\"meta\":{\"AffectedNodes\":["
        + accountRoot(from, 50_000_000_000L - drops - 12, 50_000_000_000L, seq + 1, ledger, "from" + k) + ","
        + accountRoot(to, 50_000_000_000L + drops, 50_000_000_000L, 7, ledger, "to" + k)
        + "],\"TransactionIndex\":" + index + ",\"TransactionResult\":\"tesSUCCESS\","
        + "\"delivered_amount\":\"" + drops + "\"},"
        + "\"status\":\"closed\","
        + "\"tx_json\":{\"Account\":\"" + from + "\",\"DeliverMax\":\"" + drops + "\",\"Destination\":\"" + to + "\","
        + "\"Fee\":\"12\",\"Flags\":0,\"LastLedgerSequence\":" + (ledger + 4) + ",\"Sequence\":" + seq + ","
        + "\"SigningPubKey\":\"02" + h256("key", from) + "\",\"TransactionType\":\"Payment\","
        + "\"TxnSignature\":\"3045022100" + h256("r", k) + "0220" + h256("s", k).substring(0, 64) + "\","
        + "\"date\":" + (848_480_400L + k / PER_LEDGER * 4) + "},"
        + "\"type\":\"transaction\",\"validated\":true}";
    return json.getBytes(StandardCharsets.US_ASCII);
  }

  private static String accountRoot(String account, long balance, long previous, long seq, long ledger, String salt) {
    return "{\"ModifiedNode\":{\"FinalFields\":{\"Account\":\"" + account + "\",\"Balance\":\"" + balance + "\","
        + "\"Flags\":0,\"OwnerCount\":0,\"Sequence\":" + seq + "},"
        + "\"LedgerEntryType\":\"AccountRoot\",\"LedgerIndex\":\"" + h256("root", account) + "\","
        + "\"PreviousFields\":{\"Balance\":\"" + previous + "\"},"
        + "\"PreviousTxnID\":\"" + h256("prev", salt) + "\",\"PreviousTxnLgrSeq\":" + (ledger - 3) + "}}";
  }

  private static String h256(String kind, Object value) {
    return HEX.formatHex(sha256((kind + "/" + value).getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
