package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TxRoutingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String A = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh";
  static final String B = "rUQTpMqAF5jhykj4FExVeXakrZpiKF6cQV";
  static final String C = "rrpNnNLKrartuEqfJGpqyDwPj1AFPg9vn1";
  static final String ISSUER = "rvYAfWj5gh67oV6fW32ZzP3Aw4Eubs59B";

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void affectedAccountsComeFromNewAndFinalFieldsNeverPreviousFields() throws Exception {
    JsonNode meta = json("""
        {'AffectedNodes':[
          {'ModifiedNode':{'LedgerEntryType':'AccountRoot','FinalFields':{'Account':'A','Balance':'1'},
                           'PreviousFields':{'Account':'C','RegularKey':'C'}}},
          {'CreatedNode':{'LedgerEntryType':'RippleState','NewFields':{'HighLimit':{'currency':'USD','issuer':'B','value':'1'},
                          'LowLimit':{'currency':'USD','issuer':'I','value':'0'},
                          'Balance':{'currency':'USD','issuer':'C','value':'0'}}}},
          {'DeletedNode':{'LedgerEntryType':'Offer','PreviousFields':{'Account':'C'}}}
        ]}""".replace("'A'", "'" + A + "'").replace("'B'", "'" + B + "'").replace("'C'", "'" + C + "'").replace("'I'", "'" + ISSUER + "'"));
    // C appears only in PreviousFields, in Balance (not an issuer-bearing field) and in a node with no FinalFields
    assertThat(TxRouting.affectedAccounts(meta)).containsExactlyInAnyOrder(A, B, ISSUER);
  }

  @Test
  void takerAmountsGiveTheirIssuerButXrpAndTheZeroAccountGiveNone() throws Exception {
    JsonNode meta = json("""
        {'AffectedNodes':[{'ModifiedNode':{'LedgerEntryType':'Offer','FinalFields':{'Account':'A',
          'TakerGets':{'currency':'USD','issuer':'I','value':'5'},'TakerPays':'1000',
          'HighLimit':{'currency':'USD','issuer':'rrrrrrrrrrrrrrrrrrrrrhoLvTp','value':'0'}}}}]}
        """.replace("'A'", "'" + A + "'").replace("'I'", "'" + ISSUER + "'"));
    assertThat(TxRouting.affectedAccounts(meta)).containsExactlyInAnyOrder(A, ISSUER);
  }

  @Test
  void theMptIssuanceIdCarriesItsIssuer() throws Exception {
    String id = "0000002A" + "B5F762798A53D543A014CAF8B297CFF8F2F937E8";
    JsonNode meta = json("{'AffectedNodes':[{'CreatedNode':{'LedgerEntryType':'MPToken','NewFields':{'MPTokenIssuanceID':'" + id + "'}}}]}");
    assertThat(TxRouting.affectedAccounts(meta)).containsExactly("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh");
  }

  @Test
  void mentionedAccountsAreTheTransactionsOwnAccountsAndIssuers() throws Exception {
    JsonNode tx = json(("{'Account':'A','Destination':'B','Amount':{'currency':'USD','issuer':'I','value':'1'},"
        + "'SendMax':'100','Fee':'12','Memo':'C'}").replace("'A'", "'" + A + "'").replace("'B'", "'" + B + "'")
        .replace("'I'", "'" + ISSUER + "'").replace("'C'", "'" + C + "'"));
    assertThat(TxRouting.mentionedAccounts(tx)).containsExactlyInAnyOrder(A, B, ISSUER);
  }

  @Test
  void anOfferIsPublishedUnderTheBookTakerGetsToTakerPays() throws Exception {
    JsonNode meta = json("""
        {'AffectedNodes':[
          {'CreatedNode':{'LedgerEntryType':'Offer','NewFields':{'TakerGets':{'currency':'USD','issuer':'I','value':'5'},'TakerPays':'1000'}}},
          {'ModifiedNode':{'LedgerEntryType':'Offer','FinalFields':{'TakerGets':'7','TakerPays':{'currency':'EUR','issuer':'I','value':'1'}},
                           'PreviousFields':{'TakerGets':'9','TakerPays':{'currency':'EUR','issuer':'I','value':'2'}}}},
          {'ModifiedNode':{'LedgerEntryType':'Offer','FinalFields':{'TakerGets':'7','TakerPays':{'currency':'JPY','issuer':'I','value':'1'}},
                           'PreviousFields':{'Flags':0}}},
          {'DeletedNode':{'LedgerEntryType':'Offer','FinalFields':{'TakerGets':{'currency':'USD','issuer':'I','value':'0'},'TakerPays':'0'}}}
        ]}""".replace("'I'", "'" + ISSUER + "'"));
    // the modified JPY offer changed only its flags: no book; the deleted USD offer repeats the created one's book
    assertThat(TxRouting.bookKeys(meta)).containsExactly("USD/" + ISSUER + ">XRP", "XRP>EUR/" + ISSUER);
  }
}
