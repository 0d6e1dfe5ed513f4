package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.vaccination.VaccinationFixtures.COMMUNITY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Adverse events following immunization through HTTP: the bad inputs as field-level 400s that store
 * nothing, RECORDED → REPORTED → CLOSED with each illegal move a 409 naming the state, the 48-hour
 * report deadline, the scope and the audit of reads.
 */
@EpiCommandTest
class AdverseEventApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  private static String onset(LocalDate day) {
    return day.atTime(15, 0).atOffset(ZoneOffset.ofHours(8)).toString();
  }

  @Test
  void anAdverseEventIsRecordedReportedAndClosedInThatOrderOnly() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1970, 10, 10), COMMUNITY);
    LocalDate day = TODAY.minusDays(2);
    String doseId = api.as("cdc").post("/api/v1/vaccination/doses", VaccinationFixtures.dose(person.id(), 1, "BIBP",
        day, site)).json().get("id").asString();

    assertThat(fields(api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId",
        java.util.UUID.randomUUID().toString(), "onsetAt", onset(day), "symptoms", "发热", "severity", "MILD"))))
        .containsExactly("doseId");
    assertThat(fields(api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId, "onsetAt",
        onset(day.minusDays(1)), "symptoms", "发热", "severity", "MILD")))).containsExactly("onsetAt");
    assertThat(fields(api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId, "onsetAt",
        onset(TODAY.plusDays(1)), "symptoms", "发热", "severity", "MILD")))).containsExactly("onsetAt");
    assertThat(fields(api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId, "onsetAt",
        onset(day))))).containsExactlyInAnyOrder("symptoms", "severity");
    Api.Answer badSeverity = api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId,
        "onsetAt", onset(day), "symptoms", "发热", "severity", "TERRIBLE"));
    assertThat(fields(badSeverity)).containsExactly("severity");
    assertThat(api.as("cdc").get("/api/v1/vaccination/persons/" + person.id()).json().get("adverseEvents").size())
        .isZero();

    Api.Answer recorded = api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId,
        "onsetAt", onset(day), "symptoms", "接种部位红肿、发热 38.5℃", "severity", "MODERATE", "outcome", "RECOVERING"));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asString();
    assertThat(recorded.json().get("state").asString()).isEqualTo("RECORDED");
    Instant at = OffsetDateTime.parse(recorded.json().get("recordedAt").asString()).toInstant();
    Instant due = OffsetDateTime.parse(recorded.json().get("reportDueAt").asString()).toInstant();
    assertThat(Duration.between(at, due)).isEqualTo(Duration.ofHours(48));
    assertThat(recorded.json().get("overdue").asBoolean()).isFalse();

    Api.Answer early = api.as("cdc").post("/api/v1/vaccination/adverse-events/" + id + "/close",
        Map.of("outcome", "RECOVERED"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("RECORDED");
    Api.Answer reported = api.as("cdc").post("/api/v1/vaccination/adverse-events/" + id + "/report", "");
    assertThat(reported.json().get("state").asString()).isEqualTo("REPORTED");
    Api.Answer twice = api.as("cdc").post("/api/v1/vaccination/adverse-events/" + id + "/report", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("REPORTED");
    assertThat(fields(api.as("cdc").post("/api/v1/vaccination/adverse-events/" + id + "/close", Map.of())))
        .containsExactly("outcome");
    Api.Answer closed = api.as("cdc").post("/api/v1/vaccination/adverse-events/" + id + "/close",
        Map.of("outcome", "RECOVERED"));
    assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.json().get("outcome").asString()).isEqualTo("RECOVERED");
    Api.Answer closedAgain = api.as("cdc").post("/api/v1/vaccination/adverse-events/" + id + "/close",
        Map.of("outcome", "RECOVERED"));
    assertThat(closedAgain.json().get("currentState").asString()).isEqualTo("CLOSED");

    JsonNode list = api.as("district").get("/api/v1/vaccination/adverse-events?state=CLOSED&size=500").json();
    assertThat(list.get("items").valueStream().map(e -> e.get("id").asString())).contains(id);
    assertThat(api.as("district").get("/api/v1/vaccination/adverse-events?state=NOPE").status()).isEqualTo(400);
    assertThat(api.as("district").get("/api/v1/vaccination/adverse-events/" + id).json().get("personName").asString())
        .isEqualTo(person.name());
    Api.Answer audit = api.as("auditor").get("/api/v1/audit?subjectId=" + id);
    assertThat(audit.json().get("items").valueStream().map(e -> e.get("action").asString() + " "
        + e.get("username").asString())).contains("CREATE cdc", "READ district");
  }

  @Test
  void anAdverseEventOfAnotherDistrictIsNotFound() {
    String site = VaccinationFixtures.site(api, VaccinationFixtures.OTHER_DISTRICT_COMMUNITY);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1971, 11, 11),
        VaccinationFixtures.OTHER_DISTRICT_COMMUNITY);
    String doseId = api.as("cdc").post("/api/v1/vaccination/doses", VaccinationFixtures.dose(person.id(), 1, "BIBP",
        TODAY.minusDays(1), site)).json().get("id").asString();
    String id = api.as("cdc").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId, "onsetAt",
        onset(TODAY.minusDays(1)), "symptoms", "皮疹", "severity", "MILD")).json().get("id").asString();
    assertThat(api.as("district").get("/api/v1/vaccination/adverse-events/" + id).status()).isEqualTo(404);
    assertThat(api.as("commander").post("/api/v1/vaccination/adverse-events/" + id + "/report", "").status())
        .isEqualTo(200);
    assertThat(api.as("district").post("/api/v1/vaccination/adverse-events", Map.of("doseId", doseId,
        "onsetAt", onset(TODAY.minusDays(1)), "symptoms", "x", "severity", "MILD")).status()).as("no right to record")
        .isEqualTo(403);
  }
}
