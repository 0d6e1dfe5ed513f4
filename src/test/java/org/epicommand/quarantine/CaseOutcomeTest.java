package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.room;
import static org.epicommand.quarantine.QuarantineFixtures.site;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Quarantine follows the case flow: a person under control reported as a case leaves quarantine. */
@EpiCommandTest
class CaseOutcomeTest {

  @Autowired
  Api api;

  @Test
  void aPersonUnderControlReportedAsAConfirmedCaseEndsAsBecameCaseAndFreesTheRoom() {
    String siteId = site(api, "C" + UUID.randomUUID().toString().substring(0, 8), 1, 1);
    String personId = person(api, "转确诊甲", COMMUNITY);
    String orderId = open(api, personId, "CLOSE_CONTACT", today().minusDays(1), "V9").get("id").asString();
    api.as("site").post("/api/v1/quarantine/orders/" + orderId + "/check-in", Map.of("roomId", room(api, siteId, "1")));
    Api.Answer reported = api.as("cdc").post("/api/v1/cases", Map.of("personId", personId, "classification",
        "CONFIRMED", "onsetDate", today().toString(), "diagnosedAt", today() + "T00:00:00+08:00",
        "discoveryRoute", "UNDER_CONTROL", "imported", false));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.as("community")
        .get("/api/v1/quarantine/orders/" + orderId).json().get("state").asString()).isEqualTo("BECAME_CASE"));
    assertThat(api.as("site").get("/api/v1/quarantine/sites/" + siteId + "/rooms").json().get(0).get("state")
        .asString()).isEqualTo("DISINFECTING");
  }

  @Test
  void aSuspectedCaseLeavesTheOrderOpen() {
    String personId = person(api, "疑似乙", COMMUNITY);
    String orderId = open(api, personId, "SECONDARY_CONTACT", today().minusDays(1), "V9").get("id").asString();
    assertThat(api.as("cdc").post("/api/v1/cases", Map.of("personId", personId, "classification", "SUSPECTED",
        "onsetDate", today().toString())).status()).isEqualTo(201);
    // the listener runs after commit: give it the same time as above, then the order is still open
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(api
        .as("community").get("/api/v1/quarantine/orders/" + orderId).json().get("state").asString())
        .isEqualTo("ACTIVE"));
  }
}
