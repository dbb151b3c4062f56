package switchboard.bench.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void keysInPlayOverAllSpreadsAcrossTheRange() {
    int[] keys = Fixtures.keysInPlay(Fixtures.RING, 100_000, Fixtures.ALL, 42);
    assertThat(keys).hasSize(Fixtures.RING);
    assertThat(Arrays.stream(keys).allMatch(k -> k >= 0 && k < 100_000)).isTrue();
    assertThat(Arrays.stream(keys).distinct().count()).isGreaterThan(7_000);
  }

  @Test
  void keysInPlayWithACountVisitsThatManyKeysSpreadOverTheRange() {
    int[] keys = Fixtures.keysInPlay(Fixtures.RING, 100_000, "1000", 42);
    assertThat(keys).hasSize(Fixtures.RING);
    assertThat(Arrays.stream(keys).allMatch(k -> k >= 0 && k < 100_000)).isTrue();
    long distinct = Arrays.stream(keys).distinct().count();
    assertThat(distinct).isBetween(990L, 1_000L);
    // chosen at random among the n, not the first thousand
    assertThat(Arrays.stream(keys).max().getAsInt()).isGreaterThan(90_000);
    assertThat(Fixtures.keysInPlay(Fixtures.RING, 100_000, "1000", 42)).isEqualTo(keys);
  }

  @Test
  void aCountAtLeastTheTotalIsTheSameAsAll() {
    assertThat(Fixtures.keysInPlay(Fixtures.RING, 1_000, "1000", 42))
        .isEqualTo(Fixtures.keysInPlay(Fixtures.RING, 1_000, Fixtures.ALL, 42));
  }

  @Test
  void matchBenchSetUpChecksEveryMessageForBothTraffics() {
    for (String inPlay : new String[] {Fixtures.ALL, "1000"}) {
      MatchBench.Devices d = new MatchBench.Devices();
      d.n = 20_000;
      d.inPlay = inPlay;
      d.fill(); // throws unless each message matches exactly one subscription
      MatchBench.Accounts a = new MatchBench.Accounts();
      a.n = 20_000;
      a.inPlay = inPlay;
      a.fill(); // exactly two each
      assertThat(d.messages).hasSize(Fixtures.RING);
      assertThat(a.messages).hasSize(Fixtures.RING);
    }
  }

  @Test
  void manyValuesSetUpChecksThatEachMessageMatchesOnce() {
    MatchBench.ManyValues s = new MatchBench.ManyValues();
    s.values = 100;
    s.fill(); // throws unless each message matches exactly one subscription
    assertThat(s.messages).allSatisfy(m -> assertThat(m.indexKey("tag")).hasSize(100).doesNotHaveDuplicates());
  }
}
