package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.labtest.LabtestFixtures.upload;
import static org.epicommand.sentinel.SentinelApiTest.fields;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The clinic register through HTTP: registering a fever clinic, its staff kept to it, a fever-clinic
 * patient refused without a tube (nothing stored), a patient under observation (留观) whose positive
 * result lands on the visit and reaches the investigators (the case flow).
 */
@EpiCommandTest
class ClinicVisitApiTest {

  @Autowired
  Api api;

  @Test
  void aFeverClinicPatientUnderObservationGetsTheResultAndAPositiveStartsTheCaseFlow() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String fever = clinic("发热门诊医院" + tag, "HOSPITAL", "FEVER_CLINIC");
    String village = clinic("村卫生室" + tag, "CLINIC", "VILLAGE_CLINIC");
    Api.Answer again = api.as("commander").post("/api/v1/sentinel/clinics",
        Map.of("organisation", fever, "type", "FEVER_CLINIC"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(fever);
    String pharmacy = OrganisationFixtures.register(api, "药店" + tag, "PHARMACY", OrganisationFixtures.COMMUNITY, null)
        .json().get("creditCode").asString();
    assertThat(fields(api.as("commander").post("/api/v1/sentinel/clinics", Map.of("organisation", pharmacy))))
        .containsExactlyInAnyOrder("organisation", "type");
    String nurse = staff(fever);
    String doctor = staff(village);

    String patient = residentId();
    Map<String, Object> visit = new HashMap<>(Map.of("idNumber", patient, "name", "发热患者" + tag,
        "jurisdictionCode", OrganisationFixtures.COMMUNITY, "temperature", 38.6, "symptoms", "发热、干咳",
        "epiHistory", "14天内无中高风险地区旅居史", "disposition", "OBSERVATION_ON_SITE"));
    assertThat(fields(api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits", visit)))
        .containsExactly("tubeBarcode");
    Map<String, Object> bad = new HashMap<>(visit);
    bad.put("idNumber", "110101199001011234");
    bad.remove("disposition");
    bad.put("tubeBarcode", "CV" + tag);
    assertThat(fields(api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits", bad)))
        .containsExactlyInAnyOrder("idNumber", "disposition");
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits").json().size()).isZero();

    visit.put("tubeBarcode", "CV" + tag);
    Api.Answer recorded = api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits", visit);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("disposition").asString()).isEqualTo("OBSERVATION_ON_SITE");
    assertThat(recorded.json().get("result").isNull()).isTrue();
    String id = recorded.json().get("id").asString();
    String personId = recorded.json().get("personId").asString();
    assertThat(api.as(doctor, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits/" + id).status()).isEqualTo(404);
    assertThat(api.as(doctor, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits?clinic=" + fever).status())
        .isEqualTo(404);
    assertThat(api.as(doctor, CLERK_PASSWORD).get("/api/v1/sentinel/clinics").json().valueStream()
        .map(c -> c.get("creditCode").asString()).toList()).containsExactly(village);

    Instant sampled = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    upload(api, "lab", "tubes", TUBES_HEADER + "CV" + tag + ",SINGLE,RESIDENT_ID," + patient + ",S990101001001,"
        + sampled + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + "CV" + tag + ",POSITIVE,,,LAB01," + sampled.plusSeconds(60) + "\n");
    JsonNode landed = null;
    for (int i = 0; i < 60; i++) {
      landed = api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits/" + id).json();
      if (!landed.get("result").isNull()) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(landed.get("result").asString()).isEqualTo("POSITIVE");
    String cdc = "";
    for (int i = 0; i < 60 && !cdc.contains("/cases/new?personId=" + personId); i++) {
      cdc = api.as("cdc").get("/api/v1/notifications?size=100").body();
      Thread.sleep(500);
    }
    assertThat(cdc).contains("POSITIVE_TEST", "/cases/new?personId=" + personId);
  }

  @Test
  void aVillageVisitIsOverdueUntilSampledOrReportedAndASampledOneUntilItsResult() {
    Villages two = villages("期限");
    String tag = two.tag();
    String village = two.village();
    String doctor = two.doctor();
    String stranger = two.stranger();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (Instant wrong : List.of(now.plus(1, ChronoUnit.DAYS), now.minus(8, ChronoUnit.DAYS))) {
      assertThat(fields(api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits",
          villageVisit("错时" + tag, wrong, null)))).containsExactly("visitedAt");
    }
    JsonNode late = visit(doctor, villageVisit("未报告" + tag, now.minus(3, ChronoUnit.HOURS), null));
    assertThat(late.get("deadline").asString()).isEqualTo("SAMPLE_OR_REPORT");
    assertThat(Instant.parse(late.get("dueAt").asString())).isEqualTo(now.minus(1, ChronoUnit.HOURS));
    assertThat(late.get("overdue").asBoolean()).isTrue();
    JsonNode fresh = visit(doctor, villageVisit("刚来" + tag, now.minus(1, ChronoUnit.HOURS), null));
    assertThat(fresh.get("overdue").asBoolean()).isFalse();
    JsonNode waiting = visit(doctor, villageVisit("等结果" + tag, now.minus(13, ChronoUnit.HOURS), "VD" + tag));
    assertThat(waiting.get("deadline").asString()).isEqualTo("RESULT");
    assertThat(Instant.parse(waiting.get("dueAt").asString())).isEqualTo(now.minus(1, ChronoUnit.HOURS));
    assertThat(waiting.get("overdue").asBoolean()).isTrue();
    assertThat(overdueIds(doctor, village)).containsExactlyInAnyOrder(late.get("id").asString(),
        waiting.get("id").asString());

    String lateId = late.get("id").asString();
    assertThat(api.as(stranger, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + lateId + "/report",
        Map.of("reportedTo", "东湖镇卫生院")).status()).isEqualTo(404);
    assertThat(fields(api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + lateId + "/report",
        Map.of("reportedTo", " ")))).containsExactly("reportedTo");
    Api.Answer reported = api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + lateId + "/report",
        Map.of("reportedTo", "东湖镇卫生院"));
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    assertThat(reported.json().get("reportedTo").asString()).isEqualTo("东湖镇卫生院");
    assertThat(reported.json().get("deadline").isNull()).isTrue();
    assertThat(reported.json().get("overdue").asBoolean()).isFalse();
    Api.Answer twice = api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + lateId + "/report",
        Map.of("reportedTo", "东湖镇卫生院"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("REPORTED");

    String freshId = fresh.get("id").asString();
    assertThat(fields(api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + freshId + "/sample",
        Map.of()))).containsExactly("tubeBarcode");
    Api.Answer sampled = api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + freshId + "/sample",
        Map.of("tubeBarcode", "VS" + tag));
    assertThat(sampled.status()).as(sampled.body()).isEqualTo(200);
    assertThat(sampled.json().get("tubeBarcode").asString()).isEqualTo("VS" + tag);
    assertThat(sampled.json().get("deadline").asString()).isEqualTo("RESULT");
    assertThat(sampled.json().get("overdue").asBoolean()).isFalse();
    Api.Answer again = api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/" + freshId + "/sample",
        Map.of("tubeBarcode", "VX" + tag));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("SAMPLED");
    assertThat(overdueIds(doctor, village)).containsExactly(waiting.get("id").asString());
  }

  @Test
  void anObservationEndsOnceWithItsNextDispositionAndItsOverdueAlertStops() {
    Villages two = villages("留观");
    String tag = two.tag();
    String village = two.village();
    String doctor = two.doctor();
    String stranger = two.stranger();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = villageVisit("留观者" + tag, now.minus(14, ChronoUnit.HOURS), "OB" + tag);
    body.put("disposition", "OBSERVATION_ON_SITE");
    JsonNode observed = visit(doctor, body);
    String id = observed.get("id").asString();
    assertThat(observed.get("overdue").asBoolean()).isTrue();
    assertThat(overdueIds(doctor, village)).containsExactly(id);
    JsonNode home = visit(doctor, villageVisit("居家者" + tag, now.minus(1, ChronoUnit.HOURS), null));

    String path = "/api/v1/sentinel/clinic-visits/" + id + "/end-observation";
    assertThat(api.as(stranger, CLERK_PASSWORD).post(path, Map.of("disposition", "ADMITTED")).status())
        .isEqualTo(404);
    assertThat(api.as("cdc").post(path, Map.of("disposition", "ADMITTED")).status()).isEqualTo(403);
    for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("disposition", "GONE"),
        Map.of("disposition", "OBSERVATION_ON_SITE"))) {
      assertThat(fields(api.as(doctor, CLERK_PASSWORD).post(path, bad))).containsExactly("disposition");
    }
    Api.Answer ended = api.as(doctor, CLERK_PASSWORD).post(path, Map.of("disposition", "TRANSFERRED_TO_DESIGNATED"));
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().get("disposition").asString()).isEqualTo("TRANSFERRED_TO_DESIGNATED");
    assertThat(ended.json().get("observationEndedAt").isNull()).isFalse();
    assertThat(ended.json().get("overdue").asBoolean()).isFalse();
    assertThat(overdueIds(doctor, village)).isEmpty();

    Api.Answer twice = api.as(doctor, CLERK_PASSWORD).post(path, Map.of("disposition", "HOME_WAIT"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("TRANSFERRED_TO_DESIGNATED");
    Api.Answer never = api.as(doctor, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits/"
        + home.get("id").asString() + "/end-observation", Map.of("disposition", "ADMITTED"));
    assertThat(never.status()).isEqualTo(409);
    assertThat(never.json().get("currentState").asString()).isEqualTo("REFERRED_UP");
    assertThat(never.body()).contains("REFERRED_UP");
  }

  @Test
  void aPaperRegisterIsImportedWithRowErrorsAndAgainWithoutDuplicates() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String village = clinic("村卫生室导入" + tag, "CLINIC", "VILLAGE_CLINIC");
    String other = clinic("个体诊所导入" + tag, "CLINIC", "INDIVIDUAL_CLINIC");
    String doctor = staff(village);
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    String csv = "机构代码,证件类型,证件号码,姓名,就诊时间,体温,症状,流行病学史,管码,处置\n"
        + village + ",RESIDENT_ID," + residentId() + ",纸质甲" + tag + "," + at + ",38.2,发热,,PV" + tag + ",HOME_WAIT\n"
        + village + ",RESIDENT_ID," + residentId() + ",纸质乙" + tag + "," + at + ",,咳嗽,,,REFERRED_UP\n"
        + village + ",RESIDENT_ID,110101199001011234,坏号" + tag + "," + at + ",,,,,HOME_WAIT\n"
        + other + ",RESIDENT_ID," + residentId() + ",别处" + tag + "," + at + ",,,,,HOME_WAIT\n"
        + village + ",RESIDENT_ID," + residentId() + ",无处置" + tag + "," + at + ",,,,,GONE\n"
        + village + ",RESIDENT_ID," + residentId() + ",太早" + tag + "," + at.minus(10, ChronoUnit.DAYS)
        + ",,,,,HOME_WAIT\n";
    JsonNode first = importVisits(doctor, csv);
    assertThat(first.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(org.epicommand.labtest.LabtestFixtures.errors(first))
        .containsExactly("4:idNumber", "5:clinic", "6:disposition", "7:visitedAt");
    List<JsonNode> stored = api.as(doctor, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits?clinic=" + village)
        .json().valueStream().toList();
    assertThat(stored).hasSize(2);
    JsonNode sampled = stored.stream().filter(v -> v.get("patientName").asString().equals("纸质甲" + tag))
        .findFirst().orElseThrow();
    assertThat(Instant.parse(sampled.get("visitedAt").asString())).isEqualTo(at);
    assertThat(sampled.get("tubeBarcode").asString()).isEqualTo("PV" + tag);
    assertThat(sampled.get("deadline").asString()).isEqualTo("RESULT");
    assertThat(sampled.get("overdue").asBoolean()).isTrue();

    JsonNode again = importVisits(doctor, csv);
    assertThat(again.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(2);
    assertThat(api.as(doctor, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits?clinic=" + village).json().size())
        .isEqualTo(2);
  }

  private JsonNode importVisits(String user, String csv) {
    Api.Answer answer = api.as(user, CLERK_PASSWORD).upload("/api/v1/imports/clinic-visits?wait=true",
        "clinic-visits.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  private Map<String, Object> villageVisit(String name, Instant at, String tube) {
    Map<String, Object> visit = new HashMap<>(Map.of("idNumber", residentId(), "name", name, "jurisdictionCode",
        OrganisationFixtures.COMMUNITY, "temperature", 38.1, "disposition", "REFERRED_UP", "visitedAt", at.toString()));
    if (tube != null) {
      visit.put("tubeBarcode", tube);
    }
    return visit;
  }

  private JsonNode visit(String user, Map<String, Object> body) {
    Api.Answer recorded = api.as(user, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits", body);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    return recorded.json();
  }

  private List<String> overdueIds(String user, String clinic) {
    Api.Answer list = api.as(user, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits?overdue=true&clinic=" + clinic);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().valueStream().map(v -> v.get("id").asString()).toList();
  }

  /** A village clinic with its doctor, and a stranger: the staff of an individual clinic nearby. */
  private record Villages(String tag, String village, String doctor, String stranger) {}

  private Villages villages(String label) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String village = clinic("村卫生室" + label + tag, "CLINIC", "VILLAGE_CLINIC");
    String other = clinic("个体诊所" + label + tag, "CLINIC", "INDIVIDUAL_CLINIC");
    return new Villages(tag, village, staff(village), staff(other));
  }

  private String clinic(String name, String kind, String type) {
    String code = OrganisationFixtures.register(api, name, kind, OrganisationFixtures.COMMUNITY, null).json()
        .get("creditCode").asString();
    Api.Answer created = api.as("commander").post("/api/v1/sentinel/clinics", Map.of("organisation", code, "type",
        type));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  private String staff(String clinic) {
    String username = SentinelFixtures.account(api, "nurse", "CLINIC_STAFF", OrganisationFixtures.COMMUNITY);
    Api.Answer bound = api.as("admin").post("/api/v1/sentinel/clinic-staff/" + clinic, Map.of("username", username));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    return username;
  }
}
