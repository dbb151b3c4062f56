package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import switchboard.amps.RawClient.Received;
import switchboard.core.delivery.Outbox;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;

/** Framing gone wrong, logon with credentials, and slow clients. */
class AmpsFramingIT {
  private AmpsHarness server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static byte[] frame(String header, String body) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    byte[] h = (header + body).getBytes();
    out.writeInt(h.length);
    out.write(h);
    return b.toByteArray();
  }

  @Test
  void severalCommandsInOneTcpWriteAreEachAnswered() throws Exception {
    server = new AmpsHarness();
    try (RawClient.Tcp c = (RawClient.Tcp) server.connect("tcp")) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(frame("{\"c\":\"logon\",\"cid\":\"1\",\"a\":\"processed\",\"client_name\":\"x\"}", ""));
      all.write(frame("{\"c\":\"subscribe\",\"cid\":\"2\",\"sub_id\":\"s\",\"t\":\"t\",\"a\":\"processed\"}", ""));
      all.write(frame("{\"c\":\"p\",\"t\":\"t\"}", "{\"a\":1}"));
      c.sendBytes(all.toByteArray());
      assertThat(c.next().get("cid")).isEqualTo("1");
      assertThat(c.next().get("cid")).isEqualTo("2");
      assertThat(c.next().body()).isEqualTo("{\"a\":1}");
    }
  }

  @Test
  void truncatedAndOversizedTcpFramesCostOnlyTheirOwnConnection() throws Exception {
    TransportConfig tc = TransportConfig.forTests();
    server = new AmpsHarness(AmpsConfig.forTests(), tc);
    try (RawClient.Tcp good = (RawClient.Tcp) server.connect("tcp");
        RawClient.Tcp truncated = (RawClient.Tcp) server.connect("tcp");
        RawClient.Tcp oversized = (RawClient.Tcp) server.connect("tcp")) {
      // says 100 bytes, sends 10, hangs up
      truncated.sendBytes(new byte[] {0, 0, 0, 100, '{', '"', 'c', '"', ':', '"', 'p', '"', ',', '"'});
      truncated.close();
      oversized.sendBytes(new byte[] {0x7f, 0, 0, 0});
      assertThat(oversized.closedByServer()).isTrue();

      good.send("{\"c\":\"logon\",\"cid\":\"1\",\"a\":\"processed\"}");
      assertThat(good.next().get("status")).isEqualTo("success");
    }
    assertThat(server.stats.of("amps").rejectedFrames()).isEqualTo(1);
  }

  @Test
  void webSocketWithoutPreambleAndWithABrokenCount() throws Exception {
    server = new AmpsHarness();
    int port = server.transport.port(Transport.HTTP_LISTENER);
    try (RawClient.Ws noPreamble = new RawClient.Ws(port, "/amps/json", false)) {
      noPreamble.send("{\"c\":\"logon\",\"cid\":\"1\",\"a\":\"processed\"}");
      assertThat(noPreamble.next().get("status")).isEqualTo("success");
    }
    try (RawClient.Ws broken = new RawClient.Ws(port, "/amps/json", true)) {
      broken.sendCount(7);
      assertThat(broken.next().get("reason")).isEqualTo("parse error");
      assertThat(broken.closedByServer()).isTrue();
      assertThat(broken.closeCode.get()).isEqualTo(1002);
    }
    try (RawClient.Ws xml = new RawClient.Ws(port, "/amps/json", false)) {
      xml.ws.sendText("binary", true).get();
      assertThat(xml.next().get("reason")).isEqualTo("invalid message type");
      assertThat(xml.closedByServer()).isTrue();
    }
  }

  @Test
  void subscriptionsBeyondTheLimitPerConnectionFail() throws Exception {
    server = new AmpsHarness(AmpsConfig.forTests(), TransportConfig.forTests(), new switchboard.core.HubOptions(2, 100));
    try (RawClient c = server.connect("tcp"); RawClient other = server.connect("tcp")) {
      for (String id : new String[] {"a", "b", "c"}) {
        c.send("{\"c\":\"subscribe\",\"cid\":\"" + id + "\",\"sub_id\":\"" + id + "\",\"t\":\"t\",\"a\":\"processed\"}");
      }
      assertThat(c.next().get("status")).isEqualTo("success");
      assertThat(c.next().get("status")).isEqualTo("success");
      Received third = c.next();
      assertThat(third.get("status")).isEqualTo("failure");
      assertThat(third.get("reason")).isEqualTo("subscription limit reached");
      assertThat(third.get("sub_id")).isEqualTo("c");
      // the limit is per connection
      other.send("{\"c\":\"subscribe\",\"cid\":\"x\",\"t\":\"t\",\"a\":\"processed\"}");
      assertThat(other.next().get("status")).isEqualTo("success");
      // freeing one makes room again
      c.send("{\"c\":\"unsubscribe\",\"cid\":\"u\",\"sub_id\":\"a\",\"a\":\"processed\"}");
      c.next();
      c.send("{\"c\":\"subscribe\",\"cid\":\"c\",\"sub_id\":\"c\",\"t\":\"t\",\"a\":\"processed\"}");
      assertThat(c.next().get("status")).isEqualTo("success");
    }
  }

  @Test
  void logonWithConfiguredUsers() throws Exception {
    AmpsConfig cfg = AmpsConfig.forTests().withLogon(Map.of("alice", "secret"), false).withMaxHeartbeatInterval(Duration.ofMinutes(1));
    server = new AmpsHarness(cfg, TransportConfig.forTests());
    for (String kind : new String[] {"tcp", "ws"}) {
      try (RawClient c = server.connect(kind)) {
        c.send("{\"c\":\"subscribe\",\"cid\":\"early\",\"t\":\"t\",\"a\":\"processed\"}");
        assertThat(c.next().get("reason")).isEqualTo("logon required");
        c.send("{\"c\":\"logon\",\"cid\":\"1\",\"a\":\"processed\",\"user_id\":\"alice\",\"pw\":\"wrong\"}");
        Received refused = c.next();
        assertThat(refused.get("status")).isEqualTo("failure");
        assertThat(refused.get("reason")).isEqualTo("auth failure");
        c.send("{\"c\":\"logon\",\"cid\":\"2\",\"a\":\"processed\",\"user_id\":\"alice\",\"pw\":\"secret\"}");
        Received ok = c.next();
        assertThat(ok.get("status")).isEqualTo("success");
        assertThat(ok.get("user_id")).isEqualTo("alice");
        c.send("{\"c\":\"subscribe\",\"cid\":\"later\",\"t\":\"t\",\"a\":\"processed\"}");
        assertThat(c.next().get("status")).isEqualTo("success");
      }
    }
  }

  @Test
  void withTokenLogonAPasswordTheTokenIssuerAcceptsLogsOn() throws Exception {
    AmpsConfig cfg = AmpsConfig.forTests().withLogon(Map.of("alice", "secret"), true);
    server = new AmpsHarness(cfg, (user, password) -> password.equals("good-token"));
    try (RawClient c = server.connect("tcp")) {
      c.send("{\"c\":\"logon\",\"cid\":\"1\",\"a\":\"processed\",\"user_id\":\"bob\",\"pw\":\"bad-token\"}");
      assertThat(c.next().get("reason")).isEqualTo("auth failure");
      c.send("{\"c\":\"logon\",\"cid\":\"2\",\"a\":\"processed\",\"user_id\":\"bob\",\"pw\":\"good-token\"}");
      assertThat(c.next().get("status")).isEqualTo("success");
    }
    try (RawClient c = server.connect("ws")) {
      // the listed users still log on with their passwords, and a token logon is not anonymous
      c.send("{\"c\":\"subscribe\",\"cid\":\"early\",\"t\":\"t\",\"a\":\"processed\"}");
      assertThat(c.next().get("reason")).isEqualTo("logon required");
      c.send("{\"c\":\"logon\",\"cid\":\"3\",\"a\":\"processed\",\"user_id\":\"alice\",\"pw\":\"secret\"}");
      assertThat(c.next().get("status")).isEqualTo("success");
    }
  }

  @Test
  void tokenLogonWithoutATokenIssuerIsRefusedAtStart() {
    AmpsConfig cfg = AmpsConfig.forTests().withLogon(Map.of(), true);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AmpsDialect(new switchboard.core.Hub(), cfg,
            TransportConfig.forTests().outbox(), new switchboard.transport.TransportStats(), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token-logon");
  }

  @Test
  void aSubscriberThatDoesNotReadIsCutAndThePublisherIsNot() throws Exception {
    ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(AmpsConnection.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    server = AmpsHarness.withOutbox(new Outbox.Limits(100, 1 << 20), 16 * 1024);
    try (RawClient.Tcp slow = new RawClient.Tcp(server.transport.port(AmpsDialect.TCP_LISTENER), false);
        RawClient.Tcp pub = (RawClient.Tcp) server.connect("tcp")) {
      slow.send("{\"c\":\"subscribe\",\"cid\":\"s\",\"t\":\"flood\"}");
      pub.send("{\"c\":\"flush\",\"cid\":\"ready\",\"a\":\"processed\"}");
      pub.next();
      org.awaitility.Awaitility.await().until(() -> server.hub.subscriptionCount() == 1);
      String body = "x".repeat(8192);
      for (int i = 0; i < 5_000 && server.stats.of("amps").slowConsumerDisconnects() == 0; i++) {
        pub.send("{\"c\":\"p\",\"t\":\"flood\"}", body);
      }
      pub.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
      Received r;
      do {
        r = pub.next();
      } while (!"f".equals(r.get("cid")));
      assertThat(server.stats.of("amps").slowConsumerDisconnects()).isEqualTo(1);
    } finally {
      logger.detachAppender(lines);
    }
    assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).endsWith(": slow client"));
  }
}
