package switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devicehive dialect as the server wires it: on the embedded H2 file store, across a restart. */
class DevicehiveServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;

  private Server start() {
    return new Server(ServerIT.testConfig("store.url=null", "store.data-dir=" + data, "devicehive.admin.password=s3cret")).start();
  }

  @Test
  void devicesAndCommandsSurviveARestart() throws Exception {
    long commandId;
    try (Server server = start(); Ws ws = new Ws(server)) {
      ws.login();
      ws.ok("{\"action\":\"device/save\",\"deviceId\":\"lamp-1\",\"device\":{\"name\":\"lamp\"}}");
      commandId = ws.ok("{\"action\":\"command/insert\",\"deviceId\":\"lamp-1\",\"command\":{\"command\":\"on\",\"parameters\":{\"level\":3}}}")
          .get("command").get("id").asLong();
      ws.ok("{\"action\":\"notification/insert\",\"deviceId\":\"lamp-1\",\"notification\":{\"notification\":\"hello\"}}");
    }
    try (Server server = start(); Ws ws = new Ws(server)) {
      ws.login(); // the administrator from the first start, and the same secret
      JsonNode command = ws.ok("{\"action\":\"command/get\",\"deviceId\":\"lamp-1\",\"commandId\":" + commandId + "}").get("command");
      assertThat(command.get("command").asText()).isEqualTo("on");
      assertThat(command.get("parameters").get("level").asInt()).isEqualTo(3);
      JsonNode notifications = ws.ok("{\"action\":\"notification/list\",\"deviceId\":\"lamp-1\"}").get("notifications");
      assertThat(notifications).extracting(n -> n.get("notification").asText()).contains("hello");
      assertThat(ws.ok("{\"action\":\"device/get\",\"deviceId\":\"lamp-1\"}").get("device").get("name").asText()).isEqualTo("lamp");
    }
  }

  @Test
  void anAmpsLogonTakesADevicehiveTokenAsItsPassword() throws Exception {
    try (Server server = new Server(ServerIT.testConfig("store.url=null", "store.data-dir=" + data,
        "devicehive.admin.password=s3cret", "amps.token-logon=true")).start(); Ws ws = new Ws(server)) {
      String token = ws.ok("{\"action\":\"token\",\"login\":\"dhadmin\",\"password\":\"s3cret\"}").get("accessToken").asText();
      try (java.net.Socket amps = new java.net.Socket("127.0.0.1", server.port(switchboard.amps.AmpsDialect.TCP_LISTENER))) {
        assertThat(ampsLogon(amps, "wrong")).contains("\"status\":\"failure\"").contains("auth failure");
        assertThat(ampsLogon(amps, token)).contains("\"status\":\"success\"");
      }
    }
  }

  /** Sends an amps logon over TCP and returns the ack's header. */
  private static String ampsLogon(java.net.Socket s, String password) throws Exception {
    byte[] header = ("{\"c\":\"logon\",\"cid\":\"1\",\"a\":\"processed\",\"client_name\":\"t\",\"user_id\":\"dhadmin\",\"pw\":\""
        + password + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
    out.writeInt(header.length);
    out.write(header);
    out.flush();
    java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
    byte[] frame = new byte[in.readInt()];
    in.readFully(frame);
    return new String(frame, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A WebSocket on /dh/websocket that sends one request at a time and returns its answer. */
  private static final class Ws implements AutoCloseable {
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocket ws;
    private int ids;

    Ws(Server server) throws Exception {
      ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port("http") + "/dh/websocket"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence text, boolean last) {
              try {
                received.add(JSON.readTree(text.toString()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              w.request(1);
              return null;
            }
          }).get(5, TimeUnit.SECONDS);
    }

    JsonNode ok(String request) throws Exception {
      ObjectNode req = (ObjectNode) JSON.readTree(request);
      int id = ++ids;
      req.put("requestId", id);
      ws.sendText(req.toString(), true).get(5, TimeUnit.SECONDS);
      while (true) {
        JsonNode r = received.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("an answer to %s", request).isNotNull();
        if (r.path("requestId").asInt() == id) {
          assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("success");
          return r;
        }
      }
    }

    void login() throws Exception {
      String token = ok("{\"action\":\"token\",\"login\":\"dhadmin\",\"password\":\"s3cret\"}").get("accessToken").asText();
      ok("{\"action\":\"authenticate\",\"token\":\"" + token + "\"}");
    }

    @Override
    public void close() {
      ws.abort();
    }
  }
}
