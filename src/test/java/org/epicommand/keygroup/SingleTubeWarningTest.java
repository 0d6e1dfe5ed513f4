package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.keygroup.KeyGroupApiTest.ZONE;
import static org.epicommand.keygroup.KeyGroupApiTest.tag;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A member of a group that requires single tubes found in a pool: the row is stored with a warning naming the group
 * (its line, in the status, the paged list and the import page), and the organisation gets one compliance mark —
 * none again on a re-import, which warns the same; a single tube, or a group without the rule, warns of nothing; each
 * tube is judged by the group's edition in force on its sampling day.
 */
@EpiCommandTest
class SingleTubeWarningTest {

  static final String LISTENER = "keygroup.internal.SingleTubeMarks";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aSingleTubeMemberInAPoolIsStoredWithAWarningAndMarksTheOrganisation() {
    String coldChain = KeyGroupApiTest.group(api, "ST", Map.of("everyDays", 3, "singleTubeRequired", true));
    String coldChainName = "测试人群" + coldChain;
    String plain = KeyGroupApiTest.group(api, "SP", Map.of("everyDays", 7));
    JsonNode org = OrganisationFixtures.register(api, "单管冷库" + tag(), "WAREHOUSE", OrganisationFixtures.COMMUNITY,
        null).json();
    String orgCode = org.get("creditCode").asString();
    List<LabtestFixtures.Member> pool = LabtestFixtures.persons(api, 10, OrganisationFixtures.COMMUNITY);
    LabtestFixtures.Member worker = pool.get(3);
    LabtestFixtures.Member plainMember = pool.get(6);
    join(coldChain, worker, orgCode);
    join(plain, plainMember, orgCode);

    String barcode = "ST" + tag();
    String collected = Instant.now().minus(Duration.ofHours(2)).toString();
    String csv = TUBES_HEADER + LabtestFixtures.tubeRows(barcode, "POOL_10", pool, "S990101001001", collected);
    JsonNode status = upload(api, "lab", "tubes", csv);
    assertThat(status.get("rowsImported").asInt()).isEqualTo(10);
    assertThat(status.get("rowsRejected").asInt()).isZero();
    assertThat(status.get("warningCount").asInt()).isEqualTo(1);
    JsonNode warning = status.get("warnings").get(0);
    assertThat(warning.get("row").asInt()).isEqualTo(5);
    assertThat(warning.get("field").asString()).isEqualTo("memberIdNumber");
    assertThat(warning.get("code").asString()).isEqualTo("labtest.singleTubePooled");
    assertThat(warning.get("message").asString()).contains(coldChainName + "须单管单检").contains(barcode)
        .doesNotContain("测试人群" + plain);
    String importId = status.get("importId").asString();
    JsonNode paged = api.as("lab").get("/api/v1/imports/" + importId + "/warnings?page=0&size=10").json();
    assertThat(paged.size()).isEqualTo(1);
    assertThat(paged.get(0).get("row").asInt()).isEqualTo(5);
    assertThat(api.as("district").get("/api/v1/imports/" + importId + "/warnings").status()).isEqualTo(404);
    String page = api.as("lab").get("/imports/" + importId).body();
    assertThat(page).contains("import-warnings").contains(coldChainName + "须单管单检");

    await().atMost(Duration.ofSeconds(15)).until(() -> ModuleEvents.handled(jdbc, LISTENER, barcode));
    assertThat(marks(coldChain, orgCode)).isEqualTo(1);
    assertThat(marks(plain, orgCode)).isZero();
    assertThat(jdbc.sql("select count(*) from keygroup_single_tube_mark where tube_barcode = ?").param(barcode)
        .query(Long.class).single()).isEqualTo(1);

    // the same file again: the same warning, no second mark
    JsonNode again = upload(api, "lab", "tubes", csv);
    assertThat(again.get("rowsImported").asInt()).isEqualTo(10);
    assertThat(again.get("rowsRejected").asInt()).isZero();
    assertThat(again.get("warningCount").asInt()).isEqualTo(1);
    assertThat(again.get("warnings").get(0).get("row").asInt()).isEqualTo(5);
    assertThat(again.get("warnings").get(0).get("message").asString()).isEqualTo(warning.get("message").asString());
    await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
        select count(*) from event_publication where listener_id like :l and serialized_event like :b
          and completion_date is not null""").param("l", "%" + LISTENER + "%").param("b", "%" + barcode + "%")
        .query(Long.class).single() == 2);
    assertThat(marks(coldChain, orgCode)).isEqualTo(1);

    // the same member in a single tube: no warning, no mark
    String single = "SS" + tag();
    JsonNode alone = upload(api, "lab", "tubes", TUBES_HEADER + LabtestFixtures.tubeRows(single, "SINGLE",
        List.of(worker), "S990101001001", collected));
    assertThat(alone.get("rowsImported").asInt()).isEqualTo(1);
    assertThat(alone.get("warningCount").asInt()).isZero();
    assertThat(alone.get("warnings").size()).isZero();
    assertThat(api.as("lab").get("/imports/" + alone.get("importId").asString()).body())
        .contains("import-warnings-none");
    assertThat(marks(coldChain, orgCode)).isEqualTo(1);
  }

  @Test
  void eachTubeIsJudgedByTheEditionInForceOnItsSamplingDay() {
    LocalDate today = LocalDate.now(ZONE);
    String ruleEnded = KeyGroupApiTest.group(api, "SE", Map.of("everyDays", 3, "singleTubeRequired", true,
        "effectiveFrom", today.minusDays(30).toString()));
    String ruleBegun = KeyGroupApiTest.group(api, "SB", Map.of("everyDays", 3,
        "effectiveFrom", today.minusDays(30).toString()));
    edition(ruleEnded, Map.of("everyDays", 3, "effectiveFrom", today.minusDays(1).toString()));
    edition(ruleBegun, Map.of("everyDays", 3, "singleTubeRequired", true,
        "effectiveFrom", today.minusDays(1).toString()));
    String orgCode = OrganisationFixtures.register(api, "版次冷库" + tag(), "WAREHOUSE", OrganisationFixtures.COMMUNITY,
        null).json().get("creditCode").asString();
    List<LabtestFixtures.Member> pool = LabtestFixtures.persons(api, 10, OrganisationFixtures.COMMUNITY);
    join(ruleEnded, pool.get(2), orgCode);
    join(ruleBegun, pool.get(7), orgCode);

    // sampled three days ago: the first editions were in force (single tubes for the one, not for the other)
    String before = "SE" + tag();
    JsonNode old = upload(api, "lab", "tubes", TUBES_HEADER + LabtestFixtures.tubeRows(before, "POOL_10", pool,
        "S990101001001", Instant.now().minus(Duration.ofDays(3)).toString()));
    assertThat(old.get("rowsImported").asInt()).isEqualTo(10);
    assertThat(old.get("warnings").valueStream().map(w -> w.get("row").asInt()).toList()).containsExactly(4);
    assertThat(old.get("warnings").get(0).get("message").asString()).contains("测试人群" + ruleEnded + "须单管单检")
        .doesNotContain(ruleBegun);

    // sampled today: the second editions are in force
    String after = "SB" + tag();
    JsonNode fresh = upload(api, "lab", "tubes", TUBES_HEADER + LabtestFixtures.tubeRows(after, "POOL_10", pool,
        "S990101001001", Instant.now().minus(Duration.ofHours(1)).toString()));
    assertThat(fresh.get("warnings").valueStream().map(w -> w.get("row").asInt()).toList()).containsExactly(9);
    assertThat(fresh.get("warnings").get(0).get("message").asString()).contains("测试人群" + ruleBegun + "须单管单检")
        .doesNotContain(ruleEnded);
    await().atMost(Duration.ofSeconds(15)).until(() -> ModuleEvents.handled(jdbc, LISTENER, before)
        && ModuleEvents.handled(jdbc, LISTENER, after));
    assertThat(marks(ruleEnded, orgCode)).as("the tube sampled under its rule").isEqualTo(1);
    assertThat(marks(ruleBegun, orgCode)).isEqualTo(1);
  }

  private void edition(String group, Map<String, Object> schedule) {
    Api.Answer added = api.as("cdc").post("/api/v1/key-groups/" + group + "/schedules", schedule);
    assertThat(added.status()).as(added.body()).isLessThan(300);
  }

  private void join(String group, LabtestFixtures.Member member, String orgCode) {
    Map<String, Object> body = new HashMap<>(Map.of("personId", member.personId(), "organisation", orgCode));
    body.put("from", LocalDate.now(ZONE).minusDays(30).toString());
    Api.Answer joined = api.as("district").post("/api/v1/key-groups/" + group + "/members", body);
    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
  }

  private long marks(String group, String orgCode) {
    JsonNode compliance = api.as("district").get("/api/v1/key-groups/compliance?group=" + group + "&organisation="
        + orgCode).json();
    assertThat(compliance.size()).isEqualTo(1);
    return compliance.get(0).get("singleTubeMarks").asLong();
  }
}
