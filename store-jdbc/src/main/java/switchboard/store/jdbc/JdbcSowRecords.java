package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import switchboard.core.spi.SowRecordStore;
import switchboard.core.spi.SowWrite;
import switchboard.core.spi.StoredSowRecord;

/**
 * State-of-the-World records in {@code amps_sow_record}, one row per topic and key.
 *
 * <p>A batch is written as two JDBC batches in one transaction: every key it touches is deleted, then
 * every record it puts is inserted. That is an upsert on H2 and PostgreSQL alike with no dialect
 * syntax; when a writer on another node inserts one of the keys between the two, the transaction
 * fails as a duplicate and is run once more.
 */
final class JdbcSowRecords implements SowRecordStore {
  private final Db db;

  JdbcSowRecords(Db db) {
    this.db = db;
  }

  @Override
  public List<StoredSowRecord> load(String topic) {
    return db.list("SELECT topic, sow_key, payload, ts FROM amps_sow_record WHERE topic = ?"
        + " ORDER BY ts, sow_key", List.of(topic), JdbcSowRecords::row);
  }

  @Override
  public void write(List<SowWrite> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<List<String>, SowWrite> last = new LinkedHashMap<>();
    for (SowWrite w : batch) {
      last.put(List.of(w.topic(), w.sowKey()), w); // a later write of a key replaces an earlier one
    }
    List<List<?>> keys = new ArrayList<>(last.size());
    List<List<?>> rows = new ArrayList<>(last.size());
    for (SowWrite w : last.values()) {
      keys.add(List.of(w.topic(), w.sowKey()));
      if (!w.isDelete()) {
        StoredSowRecord r = w.record();
        rows.add(List.of(r.topic(), r.sowKey(), r.payload(), r.timestamp()));
      }
    }
    Db.retryOnDuplicate(() -> db.transaction(c -> {
      Db.batch(c, "DELETE FROM amps_sow_record WHERE topic = ? AND sow_key = ?", keys);
      Db.batch(c, "INSERT INTO amps_sow_record (topic, sow_key, payload, ts) VALUES (?, ?, ?, ?)", rows);
      return null;
    }));
  }

  private static StoredSowRecord row(ResultSet rs) throws SQLException {
    return new StoredSowRecord(rs.getString("topic"), rs.getString("sow_key"),
        rs.getString("payload"), Db.instant(rs, "ts"));
  }
}
