package switchboard.amps;

/** A command that cannot be carried out; its reason goes back in a failure ack. */
final class CommandFailure extends Exception {
  final String reason;

  CommandFailure(String reason) {
    super(reason, null, false, false);
    this.reason = reason;
  }
}
