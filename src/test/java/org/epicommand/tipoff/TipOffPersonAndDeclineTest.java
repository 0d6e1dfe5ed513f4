package org.epicommand.tipoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.tipoff.TipOffApiTest.fields;
import static org.epicommand.tipoff.TipOffDuplicatesAndInformantTest.record;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tip-offs about the same matched registry person and topic within 7 days are possible duplicates whatever their
 * subject text; a duplicate's reward is refused naming the first tip-off; declining a reward takes a second person
 * of the office, and a reason.
 */
@EpiCommandTest
class TipOffPersonAndDeclineTest {

  private static final String TOPIC = "CONCEALED_TRAVEL";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void tipOffsAboutTheSameMatchedPersonAreDuplicatesAndOnlyTheFirstInformantIsRewarded() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String personId = People.resident("被举报人" + tag, TipOffApiTest.COMMUNITY).id(api);
    String stale = record(office, TOPIC, TipOffApiTest.COMMUNITY, "八天前的" + tag);
    jdbc.sql("update tipoff set received_at = received_at - interval '8 days' where id = ?::uuid").param(stale)
        .update();
    String first = record(office, TOPIC, TipOffApiTest.COMMUNITY, "王某" + tag);
    String second = record(office, TOPIC, TipOffApiTest.OTHER_COMMUNITY, "住3栋的那个人" + tag);
    String otherTopic = record(office, "QUARANTINE_BREACH", TipOffApiTest.COMMUNITY, "王某" + tag);
    assertThat(duplicates(office, second)).isEmpty();

    String path = "/api/v1/tip-offs/" + second + "/subject-person";
    assertThat(fields(office.post(path, Map.of()))).containsExactly("personId");
    assertThat(fields(office.post(path, Map.of("personId", UUID.randomUUID().toString()))))
        .containsExactly("personId");
    assertThat(api.as("community").post(path, Map.of("personId", personId)).status()).isEqualTo(403);
    for (String id : List.of(stale, first, second, otherTopic)) {
      Api.Answer matched = office.post("/api/v1/tip-offs/" + id + "/subject-person", Map.of("personId", personId));
      assertThat(matched.status()).as(matched.body()).isEqualTo(200);
      assertThat(matched.json().get("subjectPersonId").asString()).isEqualTo(personId);
    }
    assertThat(duplicates(office, second)).as("the same person and topic, not the stale one nor another topic")
        .containsExactly(first);
    assertThat(duplicates(office, otherTopic)).isEmpty();
    assertThat(duplicates(office, first)).isEmpty();
    String firstReceipt = office.get("/api/v1/tip-offs/" + first).json().get("receipt").asString();
    WebSession desk = WebSession.login(api, TipOffApiTest.OFFICE);
    String received = desk.get("/tipoff/" + second).body();
    assertThat(received).contains("data-testid=\"possible-duplicates\"", "data-testid=\"subject-duplicates\"");
    assertThat(received.split(java.util.regex.Pattern.quote(firstReceipt), -1)).as("the earlier receipt, shown once")
        .hasSize(2);

    Api.Answer marked = office.post("/api/v1/tip-offs/" + second + "/reject", Map.of("reason", "DUPLICATE",
        "duplicateOf", first));
    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    Api.Answer reward = office.post("/api/v1/tip-offs/" + second + "/propose-reward", Map.of("amount", 300));
    assertThat(reward.status()).as(reward.body()).isEqualTo(409);
    assertThat(reward.json().get("currentState").asString()).isEqualTo("DUPLICATE");
    assertThat(reward.json().get("firstTipOffId").asString()).isEqualTo(first);
    assertThat(reward.json().get("detail").asString()).contains(first).contains("首位举报人");
    String rejected = desk.get("/tipoff/" + second).body();
    assertThat(rejected).doesNotContain("data-testid=\"possible-duplicates\"");
    assertThat(rejected.split(java.util.regex.Pattern.quote(firstReceipt), -1)).as("listed on the subject card")
        .hasSize(2);

    String third = record(office, TOPIC, TipOffApiTest.COMMUNITY, "又一条" + tag);
    office.post("/api/v1/tip-offs/" + third + "/subject-person", Map.of("personId", personId));
    assertThat(duplicates(office, third)).containsExactly(first, second);
    assertThat(office.post("/api/v1/tip-offs/" + third + "/reject", Map.of("reason", "DUPLICATE", "duplicateOf",
        second)).status()).isEqualTo(200);
    Api.Answer chained = office.post("/api/v1/tip-offs/" + third + "/propose-reward", Map.of("amount", 300));
    assertThat(chained.status()).isEqualTo(409);
    assertThat(chained.json().get("firstTipOffId").asString()).as("the first of the chain").isEqualTo(first);
  }

  @Test
  void theProposerMayNotDeclineTheRewardAndADeclineNeedsAReason() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String id = record(office, "PRICE_GOUGING", TipOffApiTest.COMMUNITY, "不予奖励" + tag);
    String path = "/api/v1/tip-offs/" + id;
    assertThat(office.post(path + "/assign", Map.of()).status()).isEqualTo(200);
    assertThat(api.as("community").post(path + "/verify", Map.of("outcome", "CONFIRMED", "findings", "属实"))
        .status()).isEqualTo(200);
    assertThat(office.post(path + "/propose-reward", Map.of("amount", 200)).status()).isEqualTo(200);

    Api.Answer own = office.post(path + "/decline-reward", Map.of("note", "金额不符"));
    assertThat(own.status()).as(own.body()).isEqualTo(409);
    assertThat(own.json().get("currentState").asString()).isEqualTo("REWARD_PROPOSED");
    assertThat(own.json().get("proposedBy").asString()).isEqualTo(TipOffApiTest.OFFICE);
    assertThat(own.json().get("detail").asString()).contains(TipOffApiTest.OFFICE);
    assertThat(office.get(path).json().get("state").asString()).isEqualTo("REWARD_PROPOSED");
    String proposerPage = WebSession.login(api, TipOffApiTest.OFFICE).get("/tipoff/" + id).body();
    assertThat(proposerPage).doesNotContain("/decline-reward").doesNotContain("/approve-reward")
        .contains("data-testid=\"four-eyes\"");

    String secondUser = TipOffApiTest.secondOffice(api);
    Api.Caller second = api.as(secondUser, "Office1234567");
    assertThat(WebSession.login(api, secondUser, "Office1234567").get("/tipoff/" + id).body())
        .contains("/decline-reward");
    assertThat(fields(second.post(path + "/decline-reward", Map.of()))).containsExactly("note");
    assertThat(fields(second.post(path + "/decline-reward", Map.of("note", "  ")))).containsExactly("note");
    Api.Answer declined = second.post(path + "/decline-reward", Map.of("note", "举报内容已由媒体公开"));
    assertThat(declined.status()).as(declined.body()).isEqualTo(200);
    assertThat(declined.json().get("state").asString()).isEqualTo("REWARD_DECLINED");
    assertThat(declined.json().get("rewardNote").asString()).isEqualTo("举报内容已由媒体公开");
    assertThat(declined.json().get("rewardProposedBy").asString()).isEqualTo(TipOffApiTest.OFFICE);
  }

  private static List<String> duplicates(Api.Caller office, String id) {
    return office.get("/api/v1/tip-offs/" + id).json().get("possibleDuplicates").valueStream()
        .map(d -> d.get("id").asString()).toList();
  }
}
