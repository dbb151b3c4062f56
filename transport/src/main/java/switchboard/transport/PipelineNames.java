package switchboard.transport;

/** Names of the handlers the transport puts in a pipeline, so that dialects can find their place. */
public final class PipelineNames {
  public static final String STATS = "stats";
  public static final String IDLE = "idle";
  public static final String IDLE_POLICY = "idle-policy";
  public static final String HTTP_CODEC = "http-codec";
  public static final String HTTP_AGGREGATOR = "http-aggregator";
  public static final String ROUTER = "router";
  public static final String WS_PROTOCOL = "ws-protocol";
  public static final String WS_AGGREGATOR = "ws-aggregator";
  public static final String FRAME_DECODER = "frame-decoder";
  public static final String FRAME_COUNTER = "frame-counter";
  public static final String DIALECT = "dialect";
  public static final String OUTBOX_DRAIN = "outbox-drain";
  public static final String ERRORS = "errors";

  private PipelineNames() {}
}
