package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;
import switchboard.core.filter.Filter;

/** The hub spec a subscribe becomes: the filter as residual, and its top-level equality as a key. */
class SubscriptionSpecTest {
  private static final TopicSelector ORDERS = TopicSelector.exact("orders");

  @Test
  void anEqualityAtTheTopLevelIsAlsoAKey() throws Exception {
    Filter f = Filter.compile("/g = 7 AND /v > 1");
    SubscriptionSpec spec = SubscriptionCommands.spec(ORDERS, f);
    assertThat(spec.keys()).isEqualTo(Map.of("json:/g", Set.of("7")));
    assertThat(spec.residual()).isSameAs(f);
  }

  @Test
  void otherFiltersAreOnlyResiduals() throws Exception {
    Filter f = Filter.compile("/g = 7 OR /v > 1");
    SubscriptionSpec spec = SubscriptionCommands.spec(ORDERS, f);
    assertThat(spec.keys()).isEmpty();
    assertThat(spec.residual()).isSameAs(f);
    assertThat(SubscriptionCommands.spec(ORDERS, null)).isEqualTo(SubscriptionSpec.on(ORDERS).build());
  }

  @Test
  void theSameFilterGivesAnEqualSpec() throws Exception {
    assertThat(SubscriptionCommands.spec(ORDERS, Filter.compile("/g IN (1, '2')")))
        .isEqualTo(SubscriptionCommands.spec(ORDERS, Filter.compile("/g IN (1, '2')")));
  }
}
