package switchboard.amps;

/**
 * The failure reasons the dialect sends, spelled exactly as AMPS clients match them (protocols/amps.md
 * §3.7). None contains a quote or a backslash: client parsers cut reason text at the first quote.
 */
public final class Reason {
  public static final String AUTH_FAILURE = "auth failure";
  public static final String BAD_FILTER = "bad filter";
  public static final String BAD_SOW_KEY = "bad sow key";
  public static final String BAD_REGEX_TOPIC = "bad regex topic";
  public static final String DUPLICATE_LOGON = "duplicate logon attempt";
  public static final String INVALID_SUB_ID = "invalid subId";
  public static final String INVALID_TOPIC = "invalid topic";
  public static final String INVALID_OPTIONS = "invalid options";
  public static final String LOGON_REQUIRED = "logon required";
  public static final String NOT_ENTITLED = "not entitled";
  public static final String NOT_SUPPORTED = "not supported";
  public static final String PARSE_ERROR = "parse error";
  public static final String SUBID_IN_USE = "subid in use";
  public static final String SUBSCRIPTION_LIMIT = "subscription limit reached";
  public static final String SLOW_CLIENT = "slow client";
  /** A persisted ack's failure: the batch holding the change could not be written to the store. */
  public static final String SOW_STORE_FAILED = "sow store failed";

  private Reason() {}
}
