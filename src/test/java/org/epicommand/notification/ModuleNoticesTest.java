package org.epicommand.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.supervision.SupervisionFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Other modules' events reach the inboxes of the people who must act on them. */
@EpiCommandTest
class ModuleNoticesTest {

  @Autowired
  Api api;

  @Test
  void aFeverAlertReachesTheCommunityWorkersInbox() {
    String personId = QuarantineFixtures.person(api, "通知发热", QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, personId, "SECONDARY_CONTACT",
        QuarantineFixtures.today().minusDays(2), "V9").get("id").asString();
    api.as("commander").post("/api/v1/quarantine/orders/" + orderId + "/health-checks", Map.of("temperature", 38.2));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        api.as("community").get("/api/v1/notifications?size=100").body())
        .contains("/quarantine/orders/" + orderId).contains("QUARANTINE_ALERT"));
    assertThat(api.as("cdc").get("/api/v1/notifications?size=100").body()).doesNotContain(orderId);
  }

  @Test
  void anAssignedProblemReachesTheResponsibleUnitsInbox() {
    String problemId = SupervisionFixtures.assignedProblem(api, SupervisionFixtures.COMMUNITY, "通知问题：台账不全");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        api.as("community").get("/api/v1/notifications?size=100").body())
        .contains("/supervision/problems/" + problemId).contains("PROBLEM_ASSIGNED"));
  }
}
