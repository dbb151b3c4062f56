package switchboard.amps;

import switchboard.core.Hub;
import switchboard.core.HubOptions;
import switchboard.core.delivery.Outbox;
import switchboard.core.spi.SowRecordStore;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/** The amps dialect on a real transport on loopback, ports chosen by the system. */
final class AmpsHarness implements AutoCloseable {
  final TransportStats stats = new TransportStats();
  final Hub hub;
  final Transport transport;
  final AmpsDialect dialect;

  AmpsHarness() {
    this(AmpsConfig.forTests(), TransportConfig.forTests());
  }

  AmpsHarness(AmpsConfig config, TransportConfig tc) {
    this(config, tc, HubOptions.DEFAULTS);
  }

  AmpsHarness(AmpsConfig config, TransportConfig tc, HubOptions hubOptions) {
    this(config, tc, hubOptions, null);
  }

  /** With SOW records kept in {@code sowRecords} (null: in memory only). */
  AmpsHarness(AmpsConfig config, SowRecordStore sowRecords) {
    this(config, TransportConfig.forTests(), HubOptions.DEFAULTS, sowRecords);
  }

  AmpsHarness(AmpsConfig config, TransportConfig tc, HubOptions hubOptions, SowRecordStore sowRecords) {
    this(config, tc, hubOptions, sowRecords, null);
  }

  /** Whose logon also accepts what {@code tokens} accepts. */
  AmpsHarness(AmpsConfig config, switchboard.core.spi.Authenticator tokens) {
    this(config, TransportConfig.forTests(), HubOptions.DEFAULTS, null, tokens);
  }

  private AmpsHarness(AmpsConfig config, TransportConfig tc, HubOptions hubOptions, SowRecordStore sowRecords,
      switchboard.core.spi.Authenticator tokens) {
    hub = new Hub(hubOptions);
    transport = new Transport(tc, stats);
    dialect = new AmpsDialect(hub, config, tc.outbox(), stats, sowRecords, tokens);
    dialect.install(transport.routes());
    transport.start();
    dialect.start();
  }

  static AmpsHarness withOutbox(Outbox.Limits limits, int highWater) {
    return new AmpsHarness(AmpsConfig.forTests(), TransportConfig.forTests().withOutbox(limits, highWater));
  }

  RawClient connect(String kind) throws Exception {
    return kind.equals("tcp")
        ? new RawClient.Tcp(transport.port(AmpsDialect.TCP_LISTENER))
        : new RawClient.Ws(transport.port(Transport.HTTP_LISTENER), "/amps/json", true);
  }

  @Override
  public void close() {
    transport.close();
    dialect.close();
  }
}
