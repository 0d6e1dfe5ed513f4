package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.treatment.TreatmentFixtures.ADMISSIONS;
import static org.epicommand.treatment.TreatmentFixtures.admission;
import static org.epicommand.treatment.TreatmentFixtures.caseWith;
import static org.epicommand.treatment.TreatmentFixtures.hospital;

import java.time.Duration;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admission that brings a hospital's beds of a type to 80 % reaches the medical group's inbox, once. */
@EpiCommandTest
class BedOccupancyNoticeTest {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  private long notices(String hospital) {
    return jdbc.sql("select count(*) from notification where kind = 'BED_OCCUPANCY_HIGH' and link like ?")
        .param("%" + hospital).query(Long.class).single();
  }

  @Test
  void theAdmissionThatReachesEightyPercentRaisesTheNotice() {
    String code = hospital(api.as("commander"), "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 5);
    for (int n = 1; n <= 4; n++) {
      Api.Answer admitted = api.as("commander").post(ADMISSIONS, admission(caseWith(api, "990101001003", "MODERATE"),
          code, "GENERAL", null));
      assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
      if (n == 3) {
        assertThat(notices(code)).as("60 %").isZero();
      }
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> notices(code) > 0);
    assertThat(jdbc.sql("select title from notification where kind = 'BED_OCCUPANCY_HIGH' and link like ? limit 1")
        .param("%" + code).query(String.class).single()).contains("80%").contains("4/5");
  }

  @Test
  void bedsTakenOutOfServiceThatReachEightyPercentRaiseTheNoticeToo() {
    Api.Caller commander = api.as("commander");
    String code = hospital(commander, "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 10);
    for (int n = 1; n <= 4; n++) {
      Api.Answer admitted = commander.post(ADMISSIONS, admission(caseWith(api, "990101001003", "MODERATE"), code,
          "GENERAL", null));
      assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    }
    Api.Answer fewer = commander.put("/api/v1/hospitals/" + code + "/beds/GENERAL", Map.of("total", 10,
        "outOfService", 4));
    assertThat(fewer.status()).as("4 of 6 in service: 66 %").isEqualTo(200);
    Api.Answer fewerStill = commander.put("/api/v1/hospitals/" + code + "/beds/GENERAL", Map.of("total", 10,
        "outOfService", 5));
    assertThat(fewerStill.json().get("beds").get(0).get("occupied").asInt()).isEqualTo(4);
    await().atMost(Duration.ofSeconds(15)).until(() -> notices(code) > 0);
    assertThat(jdbc.sql("select title from notification where kind = 'BED_OCCUPANCY_HIGH' and link like ? limit 1")
        .param("%" + code).query(String.class).single()).contains("80%").contains("4/5");
    Api.Answer same = commander.put("/api/v1/hospitals/" + code + "/beds/GENERAL", Map.of("total", 9,
        "outOfService", 4));
    assertThat(same.status()).isEqualTo(200);
    long sent = notices(code);
    assertThat(jdbc.sql("select count(distinct serialized_event) from event_publication"
        + " where event_type like '%BedOccupancyHigh' and serialized_event like ?").param("%" + code + "%").query(Long.class).single())
        .as("still at 80 %: no second crossing").isEqualTo(1);
    assertThat(notices(code)).isEqualTo(sent);
  }

  @Test
  void aStayRecordedOnTheCaseThatReachesEightyPercentRaisesTheNotice() {
    Api.Caller commander = api.as("commander");
    String code = hospital(commander, "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 5);
    for (int n = 1; n <= 3; n++) {
      assertThat(commander.post(ADMISSIONS, admission(caseWith(api, "990101001003", "MODERATE"), code, "GENERAL",
          null)).status()).isEqualTo(201);
    }
    String onTheCase = caseWith(api, "990101001003", "MODERATE");
    Api.Answer outcome = api.as("cdc").post("/api/v1/cases/" + onTheCase + "/outcome", Map.of("outcome",
        "DESIGNATED_HOSPITAL", "hospital", code));
    assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> notices(code) > 0);
    assertThat(commander.get("/api/v1/hospitals/" + code).json().get("beds").get(0).get("occupied").asInt())
        .isEqualTo(4);
  }
}
