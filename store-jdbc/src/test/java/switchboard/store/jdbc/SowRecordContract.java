package switchboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import switchboard.core.spi.SowWrite;
import switchboard.core.spi.StoreException;
import switchboard.core.spi.StoredSowRecord;

/** What every {@link switchboard.core.spi.Store} must do with the amps dialect's SOW records. */
abstract class SowRecordContract extends StoreFixture {

  static StoredSowRecord record(String topic, String key, String payload, long millisAfterStart) {
    return new StoredSowRecord(topic, key, payload, START.plusMillis(millisAfterStart));
  }

  static SowWrite put(String topic, String key, String payload, long millisAfterStart) {
    return SowWrite.put(record(topic, key, payload, millisAfterStart));
  }

  @Test
  void aPutRecordIsLoadedWithEveryFieldAsWritten() {
    String body = "{\"id\":1,\"name\":\"caf\u00e9 \\\"x\\\"\",\"n\":[1,2.5,null]}";
    store.sowRecords().write(List.of(SowWrite.put(new StoredSowRecord("orders", "18446744073709551615",
        body, Instant.parse("2024-05-01T10:00:00.123456Z")))));

    assertThat(store.sowRecords().load("orders")).containsExactly(new StoredSowRecord("orders",
        "18446744073709551615", body, Instant.parse("2024-05-01T10:00:00.123Z")));
  }

  @Test
  void aSecondPutOfAKeyOverwritesTheRecord() {
    store.sowRecords().write(List.of(put("orders", "1", "{\"id\":1,\"v\":1}", 0)));
    store.sowRecords().write(List.of(put("orders", "1", "{\"id\":1,\"v\":2}", 5)));

    assertThat(store.sowRecords().load("orders"))
        .containsExactly(record("orders", "1", "{\"id\":1,\"v\":2}", 5));
  }

  @Test
  void aDeleteRemovesTheRecordAndADeleteOfNothingIsNoError() {
    store.sowRecords().write(List.of(put("orders", "1", "{}", 0), put("orders", "2", "{}", 1)));
    store.sowRecords().write(List.of(SowWrite.delete("orders", "1"), SowWrite.delete("orders", "9")));

    assertThat(store.sowRecords().load("orders")).containsExactly(record("orders", "2", "{}", 1));
  }

  @Test
  void theLaterWriteOfAKeyInOneBatchWins() {
    store.sowRecords().write(List.of(put("orders", "3", "{\"v\":0}", 0)));
    store.sowRecords().write(List.of(
        put("orders", "1", "{\"v\":1}", 1),
        put("orders", "1", "{\"v\":2}", 2),
        put("orders", "2", "{\"v\":1}", 3),
        SowWrite.delete("orders", "2"),
        SowWrite.delete("orders", "3"),
        put("orders", "3", "{\"v\":3}", 4)));

    assertThat(store.sowRecords().load("orders")).containsExactly(
        record("orders", "1", "{\"v\":2}", 2), record("orders", "3", "{\"v\":3}", 4));
  }

  @Test
  void recordsLoadPerTopicOldestFirst() {
    store.sowRecords().write(List.of(
        put("quotes", "7", "{\"q\":7}", 30),
        put("orders", "b", "{\"o\":2}", 20),
        put("orders", "a", "{\"o\":1}", 10),
        put("orders", "c", "{\"o\":3}", 20)));

    assertThat(store.sowRecords().load("orders")).extracting(StoredSowRecord::sowKey)
        .containsExactly("a", "b", "c");
    assertThat(store.sowRecords().load("quotes")).extracting(StoredSowRecord::sowKey)
        .containsExactly("7");
    assertThat(store.sowRecords().load("none")).isEmpty();
    store.sowRecords().write(List.of());
    assertThat(store.sowRecords().load("orders")).hasSize(3);
  }

  @Test
  void aBatchLargerThanOneJdbcBatchIsWrittenWhole() {
    List<SowWrite> many = new java.util.ArrayList<>();
    for (int i = 0; i < Db.BATCH_ROWS * 2 + 7; i++) {
      many.add(put("big", Integer.toString(i), "{\"i\":" + i + "}", i));
    }
    store.sowRecords().write(many);

    assertThat(store.sowRecords().load("big")).hasSize(Db.BATCH_ROWS * 2 + 7)
        .last().isEqualTo(record("big", Integer.toString(Db.BATCH_ROWS * 2 + 6),
            "{\"i\":" + (Db.BATCH_ROWS * 2 + 6) + "}", Db.BATCH_ROWS * 2 + 6));
  }

  @Test
  void aBatchThatFailsWritesNothing() {
    store.sowRecords().write(List.of(put("orders", "1", "{\"v\":1}", 0)));
    String tooLongTopic = "t".repeat(5000);

    assertThatThrownBy(() -> store.sowRecords().write(List.of(
        put("orders", "1", "{\"v\":2}", 1),
        put("orders", "2", "{\"v\":2}", 1),
        put(tooLongTopic, "1", "{}", 1))))
        .isInstanceOf(StoreException.class);
    assertThat(store.sowRecords().load("orders"))
        .containsExactly(record("orders", "1", "{\"v\":1}", 0));
  }
}
