package switchboard.xrpl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

/** The bundled recording (recordings/demo.jsonl), and the accounts generate.py derives. */
final class Recording {
  static final String ALICE = "rhzFipyh5UsycxUjaPzR1RkTJZp9VybKAz";
  static final String BOB = "rUFiTVw3LSgEqrHV7yPL4nZ1n6f6QgjjfU";
  static final String CAROL = "rfAetmdrVkPrSdthFd8qTMqruNvWkKvw4e";
  static final String DAVE = "r9v5uPWWHpjeuGq1V9fWPSuQP2EXtSG4ys";
  static final String ISSUER = "r3bmF74WayREhyVYaqbu7GqLKvqZvUF3k6";

  private Recording() {}

  static List<ObjectNode> messages() throws IOException {
    return Files.readAllLines(XrplHarness.RECORDING).stream().filter(l -> !l.isBlank()).map(Feed::parse).toList();
  }

  /** The first message that passes the test, as a fresh copy. */
  static ObjectNode first(Predicate<ObjectNode> test) throws IOException {
    return messages().stream().filter(test).findFirst().orElseThrow().deepCopy();
  }

  static Predicate<ObjectNode> validated(String transactionType, String account) {
    return m -> m.path("type").asText().equals("transaction") && m.path("validated").asBoolean()
        && m.path("tx_json").path("TransactionType").asText().equals(transactionType)
        && m.path("tx_json").path("Account").asText().equals(account);
  }

  static Predicate<ObjectNode> proposed(String transactionType, String account) {
    return m -> m.path("type").asText().equals("transaction") && !m.path("validated").asBoolean()
        && m.path("tx_json").path("TransactionType").asText().equals(transactionType)
        && m.path("tx_json").path("Account").asText().equals(account);
  }

  static Predicate<ObjectNode> ofType(String type) {
    return m -> m.path("type").asText().equals(type);
  }
}
