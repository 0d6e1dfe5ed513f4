package org.epicommand.tipoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.epicommand.tipoff.internal.PublicTipOffLimit;
import org.epicommand.tipoff.internal.TipOffStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Possible duplicates (an earlier tip-off of the same topic about the same subject in the same place within 7
 * days) shown to the office and marked in one move; the informant encrypted at rest and read by the office alone.
 */
@EpiCommandTest
class TipOffDuplicatesAndInformantTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PublicTipOffLimit limit;
  @Autowired
  TipOffStore store;

  @BeforeEach
  void freshLimit() {
    limit.reset();
  }

  @Test
  void anEarlierTipOffAboutTheSameSubjectIsAPossibleDuplicateAndEarnsTheRewardAlone() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String first = record(office, "PRICE_GOUGING", TipOffApiTest.COMMUNITY, "红星超市" + tag);
    String second = record(office, "PRICE_GOUGING", TipOffApiTest.COMMUNITY, " 红星 超市" + tag + "。");
    String otherTopic = record(office, "GATHERING", TipOffApiTest.COMMUNITY, "红星超市" + tag);
    String otherPlace = record(office, "PRICE_GOUGING", TipOffApiTest.OTHER_COMMUNITY, "红星超市" + tag);

    JsonNode later = office.get("/api/v1/tip-offs/" + second).json();
    assertThat(later.get("possibleDuplicates").valueStream().map(d -> d.get("id").asString()).toList())
        .containsExactly(first);
    assertThat(later.get("possibleDuplicates").get(0).get("receipt").asString()).startsWith("JB");
    for (String alone : List.of(first, otherTopic, otherPlace)) {
      assertThat(office.get("/api/v1/tip-offs/" + alone).json().get("possibleDuplicates").size()).isZero();
    }
    JsonNode listed = office.get("/api/v1/tip-offs?state=RECEIVED&size=500").json().get("items").valueStream()
        .filter(t -> t.get("id").asString().equals(second)).findFirst().orElseThrow();
    assertThat(listed.get("possibleDuplicates").get(0).get("id").asString()).isEqualTo(first);

    WebSession desk = WebSession.login(api, TipOffApiTest.OFFICE);
    String firstReceipt = later.get("possibleDuplicates").get(0).get("receipt").asString();
    WebSession.Page detail = desk.get("/tipoff/" + second);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains("data-testid=\"possible-duplicates\"").contains(firstReceipt)
        .contains("标记为重复举报");
    assertThat(desk.get("/tipoff/" + first).body()).doesNotContain("data-testid=\"possible-duplicates\"");

    // one move marks it; the duplicate earns no reward, the first informant's tip-off may
    Api.Answer marked = office.post("/api/v1/tip-offs/" + second + "/reject", Map.of("reason", "DUPLICATE",
        "duplicateOf", later.get("possibleDuplicates").get(0).get("id").asString()));
    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    assertThat(marked.json().get("state").asString()).isEqualTo("DUPLICATE");
    assertThat(marked.json().get("duplicateOf").asString()).isEqualTo(first);
    Api.Answer reward = office.post("/api/v1/tip-offs/" + second + "/propose-reward", Map.of("amount", 200));
    assertThat(reward.status()).isEqualTo(409);
    assertThat(reward.json().get("currentState").asString()).isEqualTo("DUPLICATE");
    assertThat(office.post("/api/v1/tip-offs/" + first + "/assign", Map.of()).status()).isEqualTo(200);
    assertThat(api.as("community").post("/api/v1/tip-offs/" + first + "/verify", Map.of("outcome", "CONFIRMED",
        "findings", "属实")).json().get("state").asString()).isEqualTo("SUBSTANTIATED");
    assertThat(office.post("/api/v1/tip-offs/" + first + "/propose-reward", Map.of("amount", 200)).json()
        .get("state").asString()).isEqualTo("REWARD_PROPOSED");
    WebSession.Page proposed = desk.get("/tipoff/" + first);
    assertThat(proposed.body()).contains("data-testid=\"four-eyes\"").doesNotContain("data-testid=\"approve-reward\"")
        .contains(TipOffApiTest.OFFICE + " 提出");
    // the community worker is not shown the office's triage hints
    assertThat(api.as("community").get("/api/v1/tip-offs/" + first).json().get("possibleDuplicates").size())
        .isZero();
  }

  @Test
  void theInformantIsEncryptedAtRestAndReadByTheOfficeAlone() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String id = TipOffApiTest.withInformant(api, "加密测试" + tag, "密文张" + tag, "13700137009", "G12345678" + tag,
        "6222020200112233" + tag);

    Map<String, Object> raw = jdbc.sql("select name, phone, document, payment_account, client_address, encrypted"
        + " from tipoff_informant where tipoff_id = ?::uuid").param(id).query().singleRow();
    assertThat(raw.get("encrypted")).isEqualTo(true);
    assertThat(raw.get("name")).asString().isNotBlank().doesNotContain("密文张").doesNotContain(tag);
    assertThat(raw.get("phone")).asString().isNotBlank().doesNotContain("13700137009");
    assertThat(raw.get("document")).asString().doesNotContain("G12345678");
    assertThat(raw.get("payment_account")).asString().doesNotContain("6222020200112233");
    assertThat(raw.get("client_address")).asString().isNotBlank().doesNotContain("127.0.0.1");

    assertThat(api.as("commander").get("/api/v1/tip-offs/" + id + "/informant").status()).isEqualTo(404);
    Api.Answer informant = office.get("/api/v1/tip-offs/" + id + "/informant");
    assertThat(informant.status()).as(informant.body()).isEqualTo(200);
    assertThat(informant.json().get("name").asString()).isEqualTo("密文张" + tag);
    assertThat(informant.json().get("phone").asString()).isEqualTo("13700137009");
    assertThat(informant.json().get("document").asString()).isEqualTo("G12345678" + tag);
    assertThat(informant.json().get("paymentAccount").asString()).isEqualTo("6222020200112233" + tag);
    assertThat(informant.json().get("clientAddress").asString()).isNotBlank();
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'TIP_OFF_INFORMANT' and subject_id = ?"
        + " and action = 'READ'").param(id).query(Long.class).single()).isEqualTo(1);

    // an informant stored before encryption at rest is encrypted at start, and reads the same before and after
    jdbc.sql("update tipoff_informant set name = ?, phone = '13600136006', document = null, payment_account = null,"
        + " client_address = '10.0.0.9', encrypted = false where tipoff_id = ?::uuid").params("明文李" + tag, id)
        .update();
    assertThat(office.get("/api/v1/tip-offs/" + id + "/informant").json().get("name").asString())
        .isEqualTo("明文李" + tag);
    assertThat(store.encryptPlainInformants()).isPositive();
    Map<String, Object> sealed = jdbc.sql("select name, phone, client_address, encrypted from tipoff_informant"
        + " where tipoff_id = ?::uuid").param(id).query().singleRow();
    assertThat(sealed.get("encrypted")).isEqualTo(true);
    assertThat(sealed.values().toString()).doesNotContain("明文李").doesNotContain("13600136006")
        .doesNotContain("10.0.0.9");
    JsonNode after = office.get("/api/v1/tip-offs/" + id + "/informant").json();
    assertThat(after.get("name").asString()).isEqualTo("明文李" + tag);
    assertThat(after.get("phone").asString()).isEqualTo("13600136006");
    assertThat(after.get("clientAddress").asString()).isEqualTo("10.0.0.9");
    assertThat(store.encryptPlainInformants()).isZero();

    Map<String, Object> tooLong = TipOffApiTest.tip("OTHER", TipOffApiTest.COMMUNITY, "太长");
    tooLong.put("informantPaymentAccount", "6".repeat(61));
    tooLong.put("informantDocument", "G".repeat(41));
    Api.Answer refused = api.anonymous().post("/api/v1/public/tip-offs", tooLong);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("informantDocument", "informantPaymentAccount");
  }

  static String record(Api.Caller office, String topic, String community, String subject) {
    Map<String, Object> body = new HashMap<>(TipOffApiTest.tip(topic, community, "同一对象"));
    body.put("channel", "HOTLINE");
    body.put("subject", subject);
    Api.Answer made = office.post("/api/v1/tip-offs", body);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return made.json().get("id").asString();
  }
}
