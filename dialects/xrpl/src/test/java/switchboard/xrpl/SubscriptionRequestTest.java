package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String GENESIS = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh";
  static final String ISSUER = "rUQTpMqAF5jhykj4FExVeXakrZpiKF6cQV";

  private static SubscriptionRequest read(String json, boolean subscribe, boolean admin) throws Exception {
    return SubscriptionRequest.read(JSON.readTree(json.replace('\'', '"')), subscribe, admin, XrplError.MALFORMED_ACCOUNT);
  }

  private static XrplError error(String json, boolean subscribe) {
    try {
      read(json, subscribe, false);
      return null;
    } catch (XrplException e) {
      return e.error;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theSeedsExampleReadsWhole() throws Exception {
    // seed 002's request
    SubscriptionRequest r = read("""
        {'id':'Unsubscribe a lot of stuff','command':'unsubscribe',
         'streams':['ledger','server','transactions','transactions_proposed'],
         'accounts':['rrpNnNLKrartuEqfJGpqyDwPj1AFPg9vn1'],'accounts_proposed':['rrpNnNLKrartuEqfJGpqyDwPj1AFPg9vn1'],
         'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':{'currency':'USD','issuer':'rUQTpMqAF5jhykj4FExVeXakrZpiKF6cQV'},'both':true}]}
        """, false, false);
    assertThat(r.streams()).containsExactly(Stream.LEDGER, Stream.SERVER, Stream.TRANSACTIONS, Stream.TRANSACTIONS_PROPOSED);
    assertThat(r.accounts()).containsExactly("rrpNnNLKrartuEqfJGpqyDwPj1AFPg9vn1");
    assertThat(r.accountsProposed()).containsExactly("rrpNnNLKrartuEqfJGpqyDwPj1AFPg9vn1");
    assertThat(r.books()).containsExactly(new SubscriptionRequest.BookRequest(Asset.XRP, new Asset("USD", ISSUER), true, false, null));
  }

  @Test
  void deprecatedAliasesAreAccepted() throws Exception {
    SubscriptionRequest r = read("{'streams':['rt_transactions'],'rt_accounts':['" + GENESIS + "'],"
        + "'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':{'currency':'USD','issuer':'" + ISSUER + "'},'both_sides':true,'state_now':true}]}", true, false);
    assertThat(r.streams()).containsExactly(Stream.TRANSACTIONS_PROPOSED);
    assertThat(r.accountsProposed()).containsExactly(GENESIS);
    assertThat(r.books().get(0).both()).isTrue();
    assertThat(r.books().get(0).snapshot()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "{'streams':'ledger'} | INVALID_PARAMS",
      "{'streams':[1]} | MALFORMED_STREAM",
      "{'streams':['ledger','bogus']} | MALFORMED_STREAM",
      "{'streams':['peer_status']} | NO_PERMISSION",
      "{'url':'http://127.0.0.1:1/'} | NO_PERMISSION",
      "{'accounts':'" + GENESIS + "'} | INVALID_PARAMS",
      "{'accounts':[]} | MALFORMED_ACCOUNT",
      "{'accounts':['" + GENESIS + "','rBogus']} | MALFORMED_ACCOUNT",
      "{'accounts':[5]} | MALFORMED_ACCOUNT",
      "{'accounts_proposed':['xyz']} | MALFORMED_ACCOUNT",
      "{'books':{}} | INVALID_PARAMS",
      "{'books':[{'taker_pays':{'currency':'XRP'}}]} | INVALID_PARAMS",
      "{'books':[{'taker_pays':'XRP','taker_gets':{'currency':'XRP'}}]} | INVALID_PARAMS",
      "{'books':[{'taker_pays':{},'taker_gets':{'currency':'XRP'}}]} | SRC_CUR_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'ZZZZ'},'taker_gets':{'currency':'XRP'}}]} | SRC_CUR_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'USD'},'taker_gets':{'currency':'XRP'}}]} | SRC_ISR_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'XRP','issuer':'" + ISSUER + "'},'taker_gets':{'currency':'USD','issuer':'" + ISSUER + "'}}]} | SRC_ISR_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'USD','issuer':'rrrrrrrrrrrrrrrrrrrrBZbvji'},'taker_gets':{'currency':'XRP'}}]} | SRC_ISR_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':{'currency':'XR'}}]} | DST_AMT_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':null}]} | DST_AMT_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':{'currency':'USD','issuer':'nope'}}]} | DST_ISR_MALFORMED",
      "{'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':{'currency':'XRP'}}]} | BAD_MARKET",
      "{'books':[{'taker_pays':{'currency':'USD','issuer':'" + ISSUER + "'},'taker_gets':{'currency':'0000000000000000000000005553440000000000','issuer':'" + ISSUER + "'}}]} | BAD_MARKET",
      "{'books':[{'taker_pays':{'currency':'XRP'},'taker_gets':{'currency':'USD','issuer':'" + ISSUER + "'},'taker':'bad'}]} | BAD_ISSUER",
  })
  void badRequestsGetRippledsErrors(String json, XrplError expected) {
    assertThat(error(json, true)).isEqualTo(expected);
  }

  @Test
  void theFirstFailingFieldInRippledsOrderDecides() {
    // streams are read before accounts, accounts_proposed before accounts, books last
    assertThat(error("{'books':[{}],'accounts':['x'],'streams':['bogus']}", true)).isEqualTo(XrplError.MALFORMED_STREAM);
    assertThat(error("{'books':[{}],'accounts':['x']}", true)).isEqualTo(XrplError.MALFORMED_ACCOUNT);
  }

  @Test
  void bookChangesCannotBeUnsubscribedButPeerStatusCanByAnyone() {
    assertThat(error("{'streams':['book_changes']}", true)).isNull();
    assertThat(error("{'streams':['book_changes']}", false)).isEqualTo(XrplError.MALFORMED_STREAM);
    assertThat(error("{'streams':['peer_status']}", false)).isNull();
  }

  @Test
  void anAdminMayNameAUrlButOnlyHttpOrHttps() throws Exception {
    assertThat(read("{'url':'http://127.0.0.1:5000/feed','url_username':'u','url_password':'p'}", true, true).url().username()).isEqualTo("u");
    assertThatThrownBy(() -> read("{'url':'ftp://127.0.0.1/'}", true, true)).isInstanceOf(XrplException.class)
        .hasMessage("Only http and https is supported.");
    assertThatThrownBy(() -> read("{'url':'::not a url'}", true, true)).isInstanceOf(XrplException.class)
        .hasMessage("Failed to parse url.");
  }

  @Test
  void theAccountErrorTokenIsConfigurable() throws Exception {
    JsonNode req = JSON.readTree("{\"accounts\":[\"nope\"]}");
    assertThatThrownBy(() -> SubscriptionRequest.read(req, true, false, XrplError.ACT_MALFORMED))
        .satisfies(e -> assertThat(((XrplException) e).error.token).isEqualTo("actMalformed"));
  }

  @Test
  void currenciesHaveOneSpellingEach() {
    assertThat(Asset.currency("")).isEqualTo("XRP");
    assertThat(Asset.currency("XRP")).isEqualTo("XRP");
    assertThat(Asset.currency("usd")).isEqualTo("usd");
    assertThat(Asset.currency("0000000000000000000000005553440000000000")).isEqualTo("USD");
    assertThat(Asset.currency("0000000000000000000000000000000000000000")).isEqualTo("XRP");
    // the ISO spelling of XRP is not XRP
    assertThat(Asset.currency("0000000000000000000000005852500000000000")).isEqualTo("0000000000000000000000005852500000000000");
    assertThat(Asset.currency("015841551A748AD2C1F76FF6ECB0CCCD00000000")).isEqualTo("015841551A748AD2C1F76FF6ECB0CCCD00000000");
    assertThat(Asset.currency("US")).isNull();
    assertThat(Asset.currency("U D")).isNull();
  }
}
