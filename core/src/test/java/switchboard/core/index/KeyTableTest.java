package switchboard.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeyTableTest {

  @Test
  void putReplacesAndRemoveTakesOnlyTheValueHeld() {
    KeyTable<String> t = new KeyTable<>();
    t.put("a", "1");
    t.put("", "empty"); // an empty key is an ordinary key
    assertThat(t.get("a")).isEqualTo("1");
    assertThat(t.get("")).isEqualTo("empty");
    t.put("a", "2");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.remove("a", "1")).isFalse();
    assertThat(t.get("a")).isEqualTo("2");
    assertThat(t.remove("a", "2")).isTrue();
    assertThat(t.get("a")).isNull();
    assertThat(t.remove("a", "2")).isFalse();
    assertThat(t.remove("", "empty")).isTrue();
    assertThat(t.size()).isZero();
  }

  /**
   * Random puts and removes against a HashMap: keys that collide in the table (few distinct hash
   * codes, long probe runs through tombstones), growth to thousands of keys and shrinking back.
   */
  @Test
  void behavesAsAMapUnderRandomChanges() {
    Random random = new Random(7);
    KeyTable<String> t = new KeyTable<>();
    Map<String, String> model = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      keys.add(i % 3 == 0 ? "Aa".repeat(1 + i % 5) + i : "k" + i); // "Aa" and "BB" share a hash code
      keys.add(i % 3 == 0 ? "BB".repeat(1 + i % 5) + i : "q" + i);
    }
    int largest = 0;
    for (int step = 0; step < 200_000; step++) {
      String k = keys.get(random.nextInt(keys.size()));
      boolean growing = (step / 40_000) % 2 == 0;
      if (random.nextInt(10) < (growing ? 8 : 2)) {
        String value = "v" + step;
        t.put(k, value);
        model.put(k, value);
      } else {
        String held = model.get(k);
        if (held != null && random.nextBoolean()) {
          assertThat(t.remove(k, new String(held))).isFalse(); // equal, but not the very value held
        }
        assertThat(t.remove(k, held)).isEqualTo(held != null);
        model.remove(k);
      }
      assertThat(t.size()).isEqualTo(model.size());
      largest = Math.max(largest, t.capacity());
      if (step % 1_001 == 0) {
        for (String any : keys) {
          assertThat(t.get(any)).as(any).isEqualTo(model.get(any));
        }
      }
    }
    assertThat(largest).isGreaterThan(4_096);
    for (String k : new ArrayList<>(model.keySet())) {
      assertThat(t.remove(k, model.remove(k))).isTrue();
    }
    assertThat(t.capacity()).isLessThan(64);
  }

  /**
   * One writer adds and removes thousands of keys, copying the arrays many times, while readers look
   * up a key that stays: they never miss it, and never see another key's value.
   */
  @Test
  void readersAlongsideTheWriterFindWhatStays() throws Exception {
    KeyTable<String> t = new KeyTable<>();
    List<String> stay = List.of("stay-1", "stay-2", "stay-3");
    for (String s : stay) {
      t.put(s, s);
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> wrong = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread reader = new Thread(() -> {
        while (!done.get()) {
          for (String s : stay) {
            String v = t.get(s);
            if (!s.equals(v)) {
              wrong.compareAndSet(null, s + " -> " + v);
            }
          }
        }
      });
      reader.start();
      readers.add(reader);
    }
    Object lock = new Object();
    List<String> churn = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      churn.add("churn-" + i);
    }
    for (int round = 0; round < 200; round++) {
      synchronized (lock) { // the writer's lock, as the index holds its own
        for (String c : churn) {
          t.put(c, c);
        }
        for (String c : churn) {
          t.remove(c, c);
        }
      }
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(wrong.get()).isNull();
    assertThat(t.size()).isEqualTo(stay.size());
  }
}
