package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import switchboard.core.spi.SowRecordStore;
import switchboard.core.spi.SowWrite;
import switchboard.core.spi.StoredSowRecord;

/** Group commit: batches, coalescing, callbacks after their batch, close. */
class SowJournalTest {
  /** A store in a map, keyed topic/key to payload. */
  static final class MapStore implements SowRecordStore {
    final Map<String, String> rows = java.util.Collections.synchronizedMap(new TreeMap<>());

    @Override
    public List<StoredSowRecord> load(String topic) {
      return List.of();
    }

    @Override
    public void write(List<SowWrite> batch) {
      for (SowWrite w : batch) {
        if (w.isDelete()) {
          rows.remove(w.topic() + "/" + w.sowKey());
        } else {
          rows.put(w.topic() + "/" + w.sowKey(), w.record().payload());
        }
      }
    }
  }

  private static byte[] body(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void changesQueuedDuringACommitGoInTheNextBatchCoalescedByKey() throws Exception {
    GatedSowRecords store = new GatedSowRecords(new MapStore()).gate();
    SowJournal journal = new SowJournal(store);
    List<String> told = new CopyOnWriteArrayList<>();

    journal.put("t", "1", body("v1"), 1, f -> told.add("first " + f));
    assertThat(store.awaitWrite()).isTrue();
    journal.put("t", "1", body("v2"), 2, f -> told.add("second " + f));
    journal.put("t", "2", body("x"), 2, null);
    journal.put("t", "1", body("v3"), 3, null);
    journal.delete("t", "2");
    journal.barrier(f -> told.add("barrier " + f));
    assertThat(told).isEmpty();

    store.release(true);
    journal.close(Duration.ofSeconds(5));
    assertThat(store.batches).hasSize(2);
    assertThat(store.batches.get(0)).extracting(w -> w.record().payload()).containsExactly("v1");
    assertThat(store.batches.get(1)).containsExactly(
        SowWrite.put(new StoredSowRecord("t", "1", "v3", java.time.Instant.ofEpochMilli(3))),
        SowWrite.delete("t", "2"));
    assertThat(told).containsExactly("first null", "second null", "barrier null");
  }

  @Test
  void aFailedBatchTellsItsCallersAndTheNextOneIsWritten() throws Exception {
    GatedSowRecords store = new GatedSowRecords(new MapStore());
    store.failing(true);
    SowJournal journal = new SowJournal(store);
    List<RuntimeException> outcomes = new CopyOnWriteArrayList<>();

    journal.put("t", "1", body("a"), 1, outcomes::add);
    assertThat(store.awaitWrite()).isTrue();
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> outcomes.size() == 1);
    assertThat(outcomes.get(0)).hasMessageContaining("down");

    store.failing(false);
    journal.put("t", "2", body("b"), 1, outcomes::add);
    journal.close(Duration.ofSeconds(5));
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(1)).isNull();
  }

  @Test
  void closeWritesWhatIsQueuedAndLaterChangesAreRefused() {
    MapStore map = new MapStore();
    SowJournal journal = new SowJournal(map);
    for (int i = 0; i < 1000; i++) {
      journal.put("t", Integer.toString(i), body("v" + i), i, null);
    }
    journal.close(Duration.ofSeconds(10));
    assertThat(map.rows).hasSize(1000);

    List<RuntimeException> refused = new ArrayList<>();
    journal.put("t", "late", body("x"), 1, refused::add);
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0)).hasMessageContaining("closed");
    assertThat(map.rows).doesNotContainKey("t/late");
  }
}
