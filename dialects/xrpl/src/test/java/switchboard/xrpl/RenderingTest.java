package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RenderingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String s) throws Exception {
    return (ObjectNode) JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void aVersion2PaymentBecomesVersion1WithTheHashInsideAndAmountBesideDeliverMax() throws Exception {
    ObjectNode v2 = json("{'type':'transaction','hash':'H','ledger_index':5,'meta':{},'tx_json':{'TransactionType':'Payment','DeliverMax':'10','date':1},'validated':true}");
    ObjectNode v1 = Rendering.render(v2, 1);
    assertThat(v1.has("tx_json")).isFalse();
    assertThat(v1.has("hash")).isFalse();
    assertThat(v1.get("transaction").get("hash").asText()).isEqualTo("H");
    assertThat(v1.get("transaction").get("Amount").asText()).isEqualTo("10");
    assertThat(v1.get("transaction").get("DeliverMax").asText()).isEqualTo("10");
    assertThat(v1.get("ledger_index").asInt()).isEqualTo(5);
    // the input is left as it was, and version 2 of version 2 is itself
    assertThat(v2.has("tx_json")).isTrue();
    assertThat(Rendering.render(v2, 2)).isSameAs(v2);
  }

  @Test
  void aVersion1TransactionBecomesVersion2() throws Exception {
    ObjectNode v1 = json("{'type':'transaction','transaction':{'TransactionType':'Payment','Amount':'10','hash':'H'},'validated':true}");
    ObjectNode v2 = Rendering.render(v1, 2);
    assertThat(v2.get("hash").asText()).isEqualTo("H");
    assertThat(v2.get("tx_json").has("hash")).isFalse();
    assertThat(v2.get("tx_json").has("Amount")).isFalse();
    assertThat(v2.get("tx_json").get("DeliverMax").asText()).isEqualTo("10");
  }

  @Test
  void otherTransactionsKeepTheirAmountFields() throws Exception {
    ObjectNode v2 = json("{'type':'transaction','hash':'H','tx_json':{'TransactionType':'OfferCreate','TakerPays':'10'}}");
    assertThat(Rendering.render(v2, 1).get("transaction").has("Amount")).isFalse();
  }

  @Test
  void aValidationsLedgerIndexIsAStringInVersion1AndANumberInVersion2() throws Exception {
    ObjectNode v = json("{'type':'validationReceived','ledger_index':'77'}");
    assertThat(Rendering.render(v, 2).get("ledger_index").isNumber()).isTrue();
    assertThat(Rendering.render(Rendering.render(v, 2), 1).get("ledger_index").isTextual()).isTrue();
  }

  @Test
  void theEnvelopeIsAlphabeticalAndEchoesTheIdVerbatim() throws Exception {
    ObjectNode req = json("{'id':{'nested':[1]},'command':'subscribe','api_version':2,'secret':'s'}");
    String error = JSON.writeValueAsString(Envelope.error(req, XrplError.MALFORMED_STREAM, XrplError.MALFORMED_STREAM.message));
    assertThat(error).isEqualTo("{\"api_version\":2,\"error\":\"malformedStream\",\"error_code\":71,\"error_message\":\"Stream malformed.\","
        + "\"id\":{\"nested\":[1]},\"request\":{\"id\":{\"nested\":[1]},\"command\":\"subscribe\",\"api_version\":2,\"secret\":\"<masked>\"},"
        + "\"status\":\"error\",\"type\":\"response\"}");
    assertThat(JSON.writeValueAsString(Envelope.success(json("{'command':'ping'}"), JSON.createObjectNode())))
        .isEqualTo("{\"result\":{},\"status\":\"success\",\"type\":\"response\"}");
  }
}
