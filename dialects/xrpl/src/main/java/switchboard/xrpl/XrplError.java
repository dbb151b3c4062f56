package switchboard.xrpl;

/**
 * rippled's error catalogue, as far as the subscription API reaches it (protocols/xrpl.md §2): the
 * token clients match on, its number and its message. The numbers are rippled's and never change.
 */
enum XrplError {
  BAD_SYNTAX("badSyntax", 1, "Syntax error."),
  NO_PERMISSION("noPermission", 6, "You don't have permission for this command."),
  /** What a snapshot gets when there is no upstream ledger to read it from. */
  NO_NETWORK("noNetwork", 17, "Not synced to the network."),
  INVALID_PARAMS("invalidParams", 31, "Invalid parameters."),
  UNKNOWN_COMMAND("unknownCmd", 32, "Unknown method."),
  /** The token rippled sends for a bad address. */
  ACT_MALFORMED("actMalformed", 35, "Account malformed."),
  /** The token seed 002 names for a bad address in accounts or accounts_proposed; same number and text. */
  MALFORMED_ACCOUNT("malformedAccount", 35, "Account malformed."),
  BAD_ISSUER("badIssuer", 41, "Issuer account malformed."),
  BAD_MARKET("badMarket", 42, "No such market."),
  DST_AMT_MALFORMED("dstAmtMalformed", 51, "Destination amount/currency/issuer is malformed."),
  DST_ISR_MALFORMED("dstIsrMalformed", 53, "Destination issuer is malformed."),
  SRC_CUR_MALFORMED("srcCurMalformed", 69, "Source currency is malformed."),
  SRC_ISR_MALFORMED("srcIsrMalformed", 70, "Source issuer is malformed."),
  MALFORMED_STREAM("malformedStream", 71, "Stream malformed."),
  INTERNAL("internal", 73, "Internal error.");

  final String token;
  final int code;
  final String message;

  XrplError(String token, int code, String message) {
    this.token = token;
    this.code = code;
    this.message = message;
  }

  /** A failure carrying this error, with rippled's own message. */
  XrplException fail() {
    return new XrplException(this, message);
  }

  /** A failure carrying this error with a more specific message. */
  XrplException fail(String detail) {
    return new XrplException(this, detail);
  }
}
