package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.vaccination.VaccinationFixtures.COMMUNITY;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The door-to-door list of a community worker through HTTP: generated from the registry by the goals of
 * the age bands, oldest first; each visit outcome with the state it leaves the item in, the bad inputs
 * as field-level 400s, a closed item refusing outcomes (409 naming CLOSED), a person of another district
 * 404; exclusions closing, deferring and — lifted — reopening items; every visit audited.
 */
@EpiCommandTest
class TargetListApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private VaccinationFixtures.Registered listed(int age) {
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(TODAY.getYear() - age, 3, 3),
        COMMUNITY);
    assertThat(api.as("community").post("/api/v1/vaccination/targets/generate", "").status()).isEqualTo(200);
    return person;
  }

  private JsonNode item(String personId, boolean closed) {
    return api.as("community").get("/api/v1/vaccination/targets/mine?size=500&closed=" + closed).json().get("items")
        .valueStream().filter(i -> i.get("personId").asString().equals(personId)).findFirst().orElse(null);
  }

  private Api.Answer outcome(String personId, Map<String, Object> report) {
    return api.as("community").post("/api/v1/vaccination/targets/" + personId + "/outcome", report);
  }

  private static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  @Test
  void theDemoGridWorkerFindsOldResidentsOnTheList() {
    List<String> names = api.as("community").get("/api/v1/vaccination/targets/mine?size=500").json().get("items")
        .valueStream().map(i -> i.get("name").asString()).toList();
    assertThat(names).contains("王秀英", "李德明", "陈国华", "黄秀珍");
  }

  @Test
  void theListHoldsTheOldestFirstAndEachVisitMovesTheItemOrSaysWhyNot() {
    VaccinationFixtures.Registered young = listed(62);
    VaccinationFixtures.Registered old = listed(84);
    VaccinationFixtures.Registered adult = listed(45);
    List<String> order = api.as("community").get("/api/v1/vaccination/targets/mine?size=500").json().get("items")
        .valueStream().map(i -> i.get("personId").asString()).toList();
    assertThat(order).contains(old.id(), young.id()).doesNotContain(adult.id());
    assertThat(order.indexOf(old.id())).isLessThan(order.indexOf(young.id()));
    JsonNode first = item(old.id(), false);
    assertThat(first.get("goal").asString()).isEqualTo("FIRST_DOSE");
    assertThat(first.get("ageBand").asString()).isEqualTo("AGE_80_PLUS");
    assertThat(first.get("name").asString()).isEqualTo(old.name());
    assertThat(first.get("due").asBoolean()).isTrue();

    Api.Answer notReached = outcome(old.id(), Map.of("outcome", "NOT_REACHED", "note", "家中无人"));
    assertThat(notReached.status()).as(notReached.body()).isEqualTo(200);
    assertThat(notReached.json().get("state").asString()).isEqualTo("OPEN");
    assertThat(notReached.json().get("revisitOn").asString()).isEqualTo(TODAY.plusDays(3).toString());
    assertThat(notReached.json().get("due").asBoolean()).isFalse();
    assertThat(notReached.json().get("visits").asInt()).isEqualTo(1);

    assertThat(fields(outcome(old.id(), Map.of("outcome", "APPOINTMENT", "date", TODAY.minusDays(1).toString()))))
        .containsExactlyInAnyOrder("date", "siteCode");
    String site = VaccinationFixtures.site(api, COMMUNITY);
    Api.Answer appointment = outcome(old.id(), Map.of("outcome", "APPOINTMENT", "date", TODAY.plusDays(2).toString(),
        "siteCode", site));
    assertThat(appointment.json().get("state").asString()).isEqualTo("APPOINTED");
    assertThat(appointment.json().get("appointmentSite").asString()).isEqualTo(site);

    assertThat(fields(outcome(old.id(), Map.of("outcome", "REFUSED")))).containsExactly("reason");
    assertThat(fields(outcome(old.id(), Map.of()))).containsExactly("outcome");
    Api.Answer badOutcome = outcome(old.id(), Map.of("outcome", "MAYBE"));
    assertThat(badOutcome.status()).isEqualTo(400);
    assertThat(fields(badOutcome)).containsExactly("outcome");
    assertThat(item(old.id(), false).get("state").asString()).as("nothing stored").isEqualTo("APPOINTED");

    Api.Answer refused = outcome(old.id(), Map.of("outcome", "REFUSED", "reason", "担心不良反应"));
    assertThat(refused.json().get("state").asString()).isEqualTo("CLOSED");
    assertThat(refused.json().get("closedReason").asString()).isEqualTo("REFUSED");
    assertThat(item(old.id(), false)).isNull();
    assertThat(item(old.id(), true).get("closedReason").asString()).isEqualTo("REFUSED");

    Api.Answer closed = outcome(old.id(), Map.of("outcome", "NOT_REACHED"));
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.json().get("currentState").asString()).isEqualTo("CLOSED");
    assertThat(closed.json().get("detail").asString()).contains("CLOSED");

    JsonNode refusal = api.as("community").get("/api/v1/vaccination/exclusions?size=500").json().get("items")
        .valueStream().filter(e -> e.get("personId").asString().equals(old.id())).findFirst().orElseThrow();
    assertThat(refusal.get("kind").asString()).isEqualTo("REFUSAL");
    assertThat(refusal.get("reason").asString()).isEqualTo("担心不良反应");
    Api.Answer lifted = api.as("community").post("/api/v1/vaccination/exclusions/" + refusal.get("id").asString()
        + "/lift", "");
    assertThat(lifted.json().get("state").asString()).isEqualTo("LIFTED");
    assertThat(item(old.id(), false).get("state").asString()).isEqualTo("OPEN");
    Api.Answer twice = api.as("community").post("/api/v1/vaccination/exclusions/" + refusal.get("id").asString()
        + "/lift", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("LIFTED");

    Api.Answer audit = api.as("auditor").get("/api/v1/audit?subjectId=" + old.id());
    assertThat(audit.json().get("items").valueStream().filter(e -> e.get("subjectType").asString()
        .equals("VACCINATION_TARGET")).map(e -> e.get("detail").asString()))
        .containsExactlyInAnyOrder("visit: NOT_REACHED", "visit: APPOINTMENT", "visit: REFUSED");
  }

  @Test
  void everyClosingOutcomeClosesWithItsReasonAndTheOpenOnesLeaveTheirState() {
    Map<String, String> closing = Map.of("VACCINATED_ELSEWHERE", "VACCINATED_ELSEWHERE", "PERMANENT_CONTRAINDICATION",
        "CONTRAINDICATION", "MOVED_AWAY", "MOVED_AWAY", "DECEASED", "DECEASED");
    for (Map.Entry<String, String> e : closing.entrySet()) {
      VaccinationFixtures.Registered person = listed(71);
      Map<String, Object> report = new HashMap<>(Map.of("outcome", e.getKey()));
      if (e.getKey().equals("PERMANENT_CONTRAINDICATION")) {
        assertThat(fields(outcome(person.id(), report))).containsExactly("note");
        report.put("note", "三级医院诊断证明：严重过敏史");
      }
      Api.Answer answer = outcome(person.id(), report);
      assertThat(answer.status()).as(e.getKey() + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.json().get("closedReason").asString()).as(e.getKey()).isEqualTo(e.getValue());
    }
    VaccinationFixtures.Registered home = listed(88);
    assertThat(outcome(home.id(), Map.of("outcome", "HOME_SERVICE_REQUESTED")).json().get("state").asString())
        .isEqualTo("HOME_SERVICE");
    VaccinationFixtures.Registered ill = listed(77);
    assertThat(fields(outcome(ill.id(), Map.of("outcome", "TEMPORARY_CONTRAINDICATION")))).containsExactly("date");
    Api.Answer deferred = outcome(ill.id(), Map.of("outcome", "TEMPORARY_CONTRAINDICATION", "date",
        TODAY.plusDays(30).toString(), "note", "急性发热"));
    assertThat(deferred.json().get("state").asString()).isEqualTo("DEFERRED");
    assertThat(deferred.json().get("deferredUntil").asString()).isEqualTo(TODAY.plusDays(30).toString());
    assertThat(deferred.json().get("due").asBoolean()).isFalse();
  }

  @Test
  void exclusionsFollowTheirRulesAndMoveTheItem() {
    VaccinationFixtures.Registered person = listed(68);
    Api.Answer noUntil = api.as("community").post("/api/v1/vaccination/exclusions", Map.of("personId", person.id(),
        "kind", "TEMPORARY_CONTRAINDICATION"));
    assertThat(fields(noUntil)).containsExactly("validUntil");
    assertThat(fields(api.as("community").post("/api/v1/vaccination/exclusions", Map.of("personId", person.id(),
        "kind", "REFUSAL")))).containsExactly("reason");
    assertThat(fields(api.as("community").post("/api/v1/vaccination/exclusions", Map.of("personId", person.id(),
        "kind", "PERMANENT_CONTRAINDICATION")))).containsExactly("evidence");
    assertThat(fields(api.as("community").post("/api/v1/vaccination/exclusions", Map.of("personId",
        java.util.UUID.randomUUID().toString(), "kind", "DECEASED")))).containsExactly("personId");
    assertThat(item(person.id(), false).get("state").asString()).isEqualTo("OPEN");

    Api.Answer bedridden = api.as("community").post("/api/v1/vaccination/exclusions", Map.of("personId", person.id(),
        "kind", "BEDRIDDEN_HOME_SERVICE", "evidence", "长期卧床"));
    assertThat(bedridden.status()).isEqualTo(201);
    assertThat(item(person.id(), false).get("state").asString()).isEqualTo("HOME_SERVICE");
    Api.Answer again = api.as("community").post("/api/v1/vaccination/exclusions", Map.of("personId", person.id(),
        "kind", "BEDRIDDEN_HOME_SERVICE"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(bedridden.json().get("id").asString());
    Api.Answer deceased = api.as("cdc").post("/api/v1/vaccination/exclusions", Map.of("personId", person.id(),
        "kind", "DECEASED"));
    assertThat(deceased.status()).isEqualTo(201);
    assertThat(item(person.id(), true).get("closedReason").asString()).isEqualTo("DECEASED");
  }

  @Test
  void aPersonOfAnotherDistrictIsNotOnTheWorkersListAndAnswers404() {
    VaccinationFixtures.Registered elsewhere = VaccinationFixtures.person(api,
        LocalDate.of(TODAY.getYear() - 81, 1, 1), VaccinationFixtures.OTHER_DISTRICT_COMMUNITY);
    api.as("commander").post("/api/v1/vaccination/targets/generate?jurisdiction="
        + VaccinationFixtures.OTHER_DISTRICT_COMMUNITY, "");
    assertThat(api.as("commander").get("/api/v1/vaccination/targets/mine?size=500&jurisdiction="
        + VaccinationFixtures.OTHER_DISTRICT_COMMUNITY).body()).contains(elsewhere.id());
    assertThat(outcome(elsewhere.id(), Map.of("outcome", "NOT_REACHED")).status()).isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/vaccination/targets/mine?jurisdiction="
        + VaccinationFixtures.OTHER_DISTRICT_COMMUNITY).status()).isEqualTo(404);
    assertThat(api.as("district").post("/api/v1/vaccination/exclusions", Map.of("personId", elsewhere.id(),
        "kind", "DECEASED")).status()).isEqualTo(400);
  }
}
