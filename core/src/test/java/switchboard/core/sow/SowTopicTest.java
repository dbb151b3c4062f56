package switchboard.core.sow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SowTopicTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SowStore store = new SowStore(Map.of("orders", List.of("/id"), "quotes", List.of("/sym", "/venue")));

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private static SowRecord record(SowTopic t, String body) throws Exception {
    JsonNode j = json(body);
    return new SowRecord(t.keyOf(j), body.getBytes(), j, 0);
  }

  @Test
  void keysComeFromTheKeyFieldsOnly() throws Exception {
    SowTopic orders = store.topic("orders").orElseThrow();
    assertThat(orders.keyOf(json("{\"id\":1,\"qty\":5}"))).isEqualTo(orders.keyOf(json("{\"qty\":9,\"id\":1}")));
    assertThat(orders.keyOf(json("{\"id\":1}"))).isNotEqualTo(orders.keyOf(json("{\"id\":2}"))).matches("\\d+");
    SowTopic quotes = store.topic("quotes").orElseThrow();
    assertThat(quotes.keyOf(json("{\"sym\":\"ab\",\"venue\":\"c\"}"))).isNotEqualTo(quotes.keyOf(json("{\"sym\":\"a\",\"venue\":\"bc\"}")));
    assertThatThrownBy(() -> orders.keyOf(json("{\"qty\":1}"))).isInstanceOf(SowKeyException.class).hasMessageContaining("/id");
    assertThatThrownBy(() -> orders.keyOf(json("{\"id\":null}"))).isInstanceOf(SowKeyException.class);
    assertThatThrownBy(() -> orders.keyOf(json("{\"id\":{\"a\":1}}"))).isInstanceOf(SowKeyException.class);
    assertThat(store.topic("trades")).isEmpty();
  }

  @Test
  void theLatestRecordPerKeyIsKeptAndQueriesFilterOrderAndPage() throws Exception {
    SowTopic t = store.topic("orders").orElseThrow();
    t.lock().lock();
    try {
      assertThat(t.put(record(t, "{\"id\":1,\"qty\":5}"))).isNull();
      t.put(record(t, "{\"id\":2,\"qty\":1}"));
      SowRecord replaced = t.put(record(t, "{\"id\":1,\"qty\":7}"));
      assertThat(new String(replaced.payload())).isEqualTo("{\"id\":1,\"qty\":5}");
      t.put(record(t, "{\"id\":3,\"qty\":3}"));
      assertThat(t.size()).isEqualTo(3);
      // last written last
      assertThat(t.query(r -> true, null, 0, -1)).extracting(r -> r.json().get("id").asInt()).containsExactly(2, 1, 3);
      Comparator<SowRecord> byQty = Comparator.comparingInt(r -> r.json().get("qty").asInt());
      assertThat(t.query(r -> true, byQty, 1, 1)).extracting(r -> r.json().get("id").asInt()).containsExactly(3);
      assertThat(t.delete(r -> r.json().get("qty").asInt() > 4)).hasSize(1);
      assertThat(t.deleteKeys(List.of(t.keyOf(json("{\"id\":2}")), "nope"))).hasSize(1);
      assertThat(t.size()).isEqualTo(1);
    } finally {
      t.lock().unlock();
    }
  }

  @Test
  void usingATopicWithoutItsLockIsAnError() {
    SowTopic t = store.topic("orders").orElseThrow();
    assertThatThrownBy(t::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("lock");
  }
}
