package switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueKeyedMapTest {
  /** A value whose key is a field; keys collide on purpose when their hash is forced. */
  record Item(Key key, int payload) {}

  record Key(String name, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Test
  void putGetRemoveAndReplace() {
    ValueKeyedMap<Key, Item> map = new ValueKeyedMap<>(Item::key);
    Key a = new Key("a", 1);
    assertThat(map.put(new Item(a, 1))).isNull();
    assertThat(map.get(a)).isEqualTo(new Item(a, 1));
    assertThat(map.put(new Item(a, 2))).isEqualTo(new Item(a, 1));
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(new Key("b", 1))).isNull();
    assertThat(map.get(null)).isNull();
    assertThat(map.remove(a)).isEqualTo(new Item(a, 2));
    assertThat(map.remove(a)).isNull();
    assertThat(map.isEmpty()).isTrue();
  }

  /**
   * Random puts and removes, against a HashMap, with keys from a few hash values only (long probe
   * runs, removals from their middle, wrapping past the end of the table) and with many distinct
   * ones (growing and shrinking).
   */
  @Test
  void behavesAsAHashMapUnderRandomChanges() {
    for (int hashes : new int[] {3, 1_000_000}) {
      Random random = new Random(hashes);
      ValueKeyedMap<Key, Item> map = new ValueKeyedMap<>(Item::key);
      Map<Key, Item> model = new HashMap<>();
      List<Key> keys = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        keys.add(new Key("k" + i, random.nextInt(hashes)));
      }
      for (int step = 0; step < 50_000; step++) {
        Key k = keys.get(random.nextInt(keys.size()));
        // phases: mostly adding, then mostly removing, so that the table grows and shrinks
        boolean adding = (step / 5_000) % 2 == 0 ? random.nextInt(10) < 8 : random.nextInt(10) < 2;
        if (adding) {
          Item item = new Item(k, step);
          assertThat(map.put(item)).isEqualTo(model.put(k, item));
        } else {
          assertThat(map.remove(k)).isEqualTo(model.remove(k));
        }
        assertThat(map.size()).isEqualTo(model.size());
        if (step % 97 == 0) {
          for (Key any : keys) {
            assertThat(map.get(any)).isEqualTo(model.get(any));
          }
          assertThat(map.values()).containsExactlyInAnyOrderElementsOf(model.values());
        }
      }
      map.clear();
      assertThat(map.size()).isZero();
      assertThat(map.get(keys.get(0))).isNull();
    }
  }
}
