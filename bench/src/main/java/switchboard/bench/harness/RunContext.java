package switchboard.bench.harness;

/**
 * What a workload is given for one run: the target, the profile (for its sizes), the repetition (0 for
 * an unmeasured warm-up), the scale of this run's bounds (1 for a measured run; a warm-up may be
 * shorter or longer), and a tag no other run of this bench shares, from which topics and client names
 * are made so that runs never see each other's messages.
 */
public record RunContext(Target target, Profile profile, int repetition, double scale, String tag) {
  public boolean warmup() {
    return repetition == 0;
  }

  /** A topic of this run, made of letters and digits only so that every protocol takes it. */
  public String topic(String name) {
    return "bench" + tag + name;
  }

  /** A client name (an MQTT client id, an amps client_name), unique within the bench. */
  public String client(String role) {
    return "sb" + tag + role;
  }

  /** A bound of a measured run (messages, seconds), scaled for this run. */
  public long scaled(long measured) {
    return Math.max(1, Math.round(measured * scale));
  }
}
