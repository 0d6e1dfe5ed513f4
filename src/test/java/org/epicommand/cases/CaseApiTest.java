package org.epicommand.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.OTHER_DISTRICT_COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class CaseApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void reportsACaseOnAPersonWithItsJurisdictionAndAuditsTheFullRead() {
    String personId = CaseFixtures.person(api, "病例甲", COMMUNITY);
    Api.Answer created = api.as("cdc").post("/api/v1/cases", body("personId", personId, "classification",
        "CONFIRMED", "onsetDate", "2026-11-01", "samplingDate", "2026-11-02", "diagnosedAt",
        "2026-11-02T09:00:00+08:00", "severity", "MODERATE", "imported", false, "discoveryRoute", "FEVER_CLINIC"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode json = created.json();
    String id = json.get("id").asString();
    assertThat(json.get("jurisdictionCode").asString()).isEqualTo(COMMUNITY);
    assertThat(json.get("classification").asString()).isEqualTo("CONFIRMED");
    assertThat(json.get("severity").asString()).isEqualTo("MODERATE");
    assertThat(json.get("personName").asString()).isEqualTo("病例甲");
    assertThat(OffsetDateTime.parse(json.get("reportDueAt").asString()))
        .isEqualTo(OffsetDateTime.parse("2026-11-02T11:00:00+08:00"));

    Api.Answer read = api.as("district").get("/api/v1/cases/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("personId").asString()).isEqualTo(personId);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'CASE' and subject_id = :id"
        + " and action = 'READ' and username = 'district'").param("id", id).query(Long.class).single()).isEqualTo(1);

    Api.Answer again = api.as("cdc").post("/api/v1/cases", body("personId", personId, "classification", "SUSPECTED"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(id);
  }

  @Test
  void badInputIsAFieldErrorNotAServerError() {
    Api.Answer answer = api.as("cdc").post("/api/v1/cases", body("personId", "not-a-uuid", "classification",
        "EXCLUDED", "onsetDate", "2999-01-01"));
    assertThat(answer.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("personId", "classification", "onsetDate");
  }

  @Test
  void aDistrictUserGets404ForACaseOfAnotherDistrictAndDoesNotSeeItInLists() {
    String other = CaseFixtures.caseOf(api, "外区病例", OTHER_DISTRICT_COMMUNITY, "CONFIRMED", "2026-11-01");
    String own = CaseFixtures.caseOf(api, "本区病例", COMMUNITY, "CONFIRMED", "2026-11-01");
    assertThat(api.as("district").get("/api/v1/cases/" + other).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/cases/" + other + "/history").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/cases/" + other + "/chain").status()).isEqualTo(404);
    assertThat(api.as("cdc").get("/api/v1/cases/" + other).status()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    api.as("district").get("/api/v1/cases?size=500").json().get("items")
        .forEach(c -> listed.add(c.get("id").asString()));
    assertThat(listed).contains(own).doesNotContain(other);
    assertThat(api.as("district").post("/api/v1/cases/" + own + "/reclassify",
        body("classification", "EXCLUDED", "reason", "x")).status()).isEqualTo(403);
  }

  @Test
  void illegalReclassificationsAre409AndExcludedNeedsANewPositive() {
    String id = CaseFixtures.caseOf(api, "订正病例", COMMUNITY, "SUSPECTED", "2026-11-01");
    Api.Answer excluded = api.as("cdc").post("/api/v1/cases/" + id + "/reclassify",
        body("classification", "EXCLUDED", "reason", "两次核酸阴性"));
    assertThat(excluded.status()).as(excluded.body()).isEqualTo(200);
    assertThat(excluded.json().get("classification").asString()).isEqualTo("EXCLUDED");

    Api.Answer refused = api.as("cdc").post("/api/v1/cases/" + id + "/reclassify",
        body("classification", "CONFIRMED", "reason", "再次诊断"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("EXCLUDED");
    assertThat(refused.json().get("detail").asString()).contains("EXCLUDED");

    Api.Answer positive = api.as("cdc").post("/api/v1/cases/" + id + "/tests", body("sampledAt",
        OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).toString(), "result", "POSITIVE", "ctOrf1ab", 28.5,
        "ctN", 30.1));
    assertThat(positive.status()).as(positive.body()).isEqualTo(201);
    Api.Answer confirmed = api.as("cdc").post("/api/v1/cases/" + id + "/reclassify",
        body("classification", "CONFIRMED", "reason", "新的阳性结果"));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

    Api.Answer back = api.as("cdc").post("/api/v1/cases/" + id + "/reclassify",
        body("classification", "SUSPECTED", "reason", "误报"));
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.json().get("currentState").asString()).isEqualTo("CONFIRMED");

    JsonNode history = api.as("cdc").get("/api/v1/cases/" + id + "/history").json();
    List<String> moves = new ArrayList<>();
    history.forEach(h -> moves.add(h.get("kind").asString() + ":" + h.get("toValue").asString()));
    assertThat(moves).containsExactly("REPORTED:SUSPECTED", "CLASSIFICATION:EXCLUDED", "CLASSIFICATION:CONFIRMED");
    assertThat(history.get(1).get("reason").asString()).isEqualTo("两次核酸阴性");
    assertThat(history.get(1).get("username").asString()).isEqualTo("cdc");
  }

  @Test
  void asymptomaticToConfirmedIsRecordedAsAConversion() {
    String id = CaseFixtures.caseOf(api, "转归病例", COMMUNITY, "ASYMPTOMATIC", null);
    Api.Answer moved = api.as("commander").post("/api/v1/cases/" + id + "/reclassify",
        body("classification", "CONFIRMED", "reason", "出现发热症状"));
    assertThat(moved.status()).isEqualTo(200);
    JsonNode last = api.as("cdc").get("/api/v1/cases/" + id + "/history").json().get(1);
    assertThat(last.get("fromValue").asString()).isEqualTo("ASYMPTOMATIC");
    assertThat(last.get("conversion").asBoolean()).isTrue();
  }

  @Test
  void dischargeNeedsTwoTestsAtLeast24HoursApartThenARePositiveStaysOnTheSameCase() {
    String id = CaseFixtures.caseOf(api, "出院病例", COMMUNITY, "CONFIRMED", "2026-11-01");
    assertThat(api.as("cdc").post("/api/v1/cases/" + id + "/outcome", body("outcome", "DISCHARGED")).status())
        .isEqualTo(409);
    Api.Answer admitted = api.as("cdc").post("/api/v1/cases/" + id + "/outcome",
        body("outcome", "DESIGNATED_HOSPITAL", "hospital", "市第一定点医院"));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    test(id, now.minusHours(50), "NEGATIVE", null, null);
    test(id, now.minusHours(40), "NEGATIVE", null, null);
    Api.Answer tooClose = api.as("cdc").post("/api/v1/cases/" + id + "/outcome", body("outcome", "DISCHARGED"));
    assertThat(tooClose.status()).isEqualTo(409);
    assertThat(tooClose.json().get("currentState").asString()).isEqualTo("DESIGNATED_HOSPITAL");
    // reported positive but Ct >= 35 on both targets: counts as negative for discharge
    test(id, now.minusHours(12), "POSITIVE", 36.2, 37.0);
    Api.Answer discharged = api.as("cdc").post("/api/v1/cases/" + id + "/outcome", body("outcome", "DISCHARGED"));
    assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
    assertThat(LocalDate.parse(discharged.json().get("homeMonitoringUntil").asString()))
        .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7));

    test(id, now.minusHours(1), "POSITIVE", 28.0, 29.5);
    JsonNode after = api.as("cdc").get("/api/v1/cases/" + id).json();
    assertThat(after.get("rePositiveCount").asInt()).isEqualTo(1);
    assertThat(after.get("outcome").isNull()).isTrue();
    assertThat(api.as("cdc").post("/api/v1/cases", body("personId", after.get("personId").asString(),
        "classification", "CONFIRMED")).status()).isEqualTo(409);
  }

  private void test(String caseId, OffsetDateTime sampledAt, String result, Double ctOrf1ab, Double ctN) {
    Api.Answer answer = api.as("cdc").post("/api/v1/cases/" + caseId + "/tests", body("sampledAt",
        sampledAt.toString(), "result", result, "ctOrf1ab", ctOrf1ab, "ctN", ctN));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  @Test
  void aCaseDiagnosedMoreThanTwoHoursAgoWithoutDirectReportIsOverdueUntilReported() {
    String personId = CaseFixtures.person(api, "逾期病例", COMMUNITY);
    Api.Answer created = api.as("cdc").post("/api/v1/cases", body("personId", personId, "classification",
        "CONFIRMED", "diagnosedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()));
    String id = created.json().get("id").asString();
    assertThat(created.json().get("reportOverdue").asBoolean()).isTrue();
    assertThat(overdue("district")).contains(id);
    Api.Answer reported = api.as("cdc").post("/api/v1/cases/" + id + "/direct-report", "{}");
    assertThat(reported.status()).isEqualTo(200);
    assertThat(reported.json().get("directReportedAt").isNull()).isFalse();
    assertThat(overdue("district")).doesNotContain(id);
    assertThat(api.as("cdc").post("/api/v1/cases/" + id + "/direct-report", "{}").status()).isEqualTo(409);
  }

  private List<String> overdue(String user) {
    List<String> ids = new ArrayList<>();
    api.as(user).get("/api/v1/cases/overdue-reports?size=500").json().get("items")
        .forEach(c -> ids.add(c.get("id").asString()));
    return ids;
  }

  @Test
  void theCsvExportIsMaskedForADistrictUserAndAudited() {
    String personId = CaseFixtures.person(api, "导出病例", COMMUNITY);
    String number = jdbc.sql("select id_number from person where id = :id::uuid").param("id", personId)
        .query(String.class).single();
    api.as("cdc").post("/api/v1/cases", body("personId", personId, "classification", "CONFIRMED"));
    Api.Answer csv = api.as("district").get("/api/v1/cases", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFFcaseId,name,idNumber");
    String line = csv.body().lines().filter(l -> l.contains("导出病例")).findFirst().orElseThrow();
    assertThat(line).contains(number.substring(0, 4) + "**").doesNotContain(number);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'CASE' and action = 'EXPORT'"
        + " and username = 'district'").query(Long.class).single()).isPositive();
  }
}
