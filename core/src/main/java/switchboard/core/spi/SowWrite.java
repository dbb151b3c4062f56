package switchboard.core.spi;

import java.util.Objects;

/**
 * One change to a State-of-the-World topic, to be applied by {@link SowRecordStore#write}: a record
 * put (written or overwritten) or a key deleted.
 *
 * @param topic the SOW topic
 * @param sowKey the record's key
 * @param record the record to write; null for a delete
 */
public record SowWrite(String topic, String sowKey, StoredSowRecord record) {
  public SowWrite {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(sowKey, "sowKey");
    if (record != null && (!record.topic().equals(topic) || !record.sowKey().equals(sowKey))) {
      throw new IllegalArgumentException("a put's record must have the write's topic and key");
    }
  }

  /** Writes the record, replacing any with its topic and key. */
  public static SowWrite put(StoredSowRecord record) {
    return new SowWrite(record.topic(), record.sowKey(), record);
  }

  /** Removes the record with this topic and key, if there is one. */
  public static SowWrite delete(String topic, String sowKey) {
    return new SowWrite(topic, sowKey, null);
  }

  public boolean isDelete() {
    return record == null;
  }
}
