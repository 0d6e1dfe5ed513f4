package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 6: health checks are append-only readings. A self-report after a staff reading of the same
 * half-day keeps both (the later one first, each with its source), the alert the staff reading
 * raised stays open, and every write — by staff, by the person, by a household head — is audited.
 */
@EpiCommandTest
class HealthCheckReadingsTest {

  @Autowired
  Api api;

  @Test
  void aSelfReportDoesNotReplaceTheStaffReadingOfTheSameHalfDayAndEveryWriteIsAudited() {
    String person = QuarantineFixtures.person(api, Probes.uniqueName("读数"), QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "SECONDARY_CONTACT", QuarantineFixtures.today().minusDays(2),
        "V9").get("id").asString();
    String base = "/api/v1/quarantine/orders/" + order;
    String token = api.as("community").post(base + "/health-link", Map.of()).json().get("token").asString();
    int writesBefore = writes(order);

    Api.Answer staff = api.as("community").post(base + "/health-checks",
        Map.of("temperature", 38.6, "symptoms", List.of("COUGH")));
    assertThat(staff.status()).as(staff.body()).isEqualTo(201);
    Api.Answer self = api.anonymous().post("/api/v1/public/health-links/" + token + "/health-checks",
        Map.of("temperature", 36.5));
    assertThat(self.status()).as(self.body()).isEqualTo(201);

    List<JsonNode> readings = api.as("community").get(base + "/health-checks").json().valueStream().toList();
    assertThat(readings).hasSize(2);
    assertThat(readings.get(0).get("reportedBy").asString()).isEqualTo("SELF");
    assertThat(readings.get(0).get("temperature").decimalValue()).isEqualByComparingTo("36.5");
    assertThat(readings.get(1).get("reportedBy").asString()).isEqualTo("STAFF");
    assertThat(readings.get(1).get("temperature").decimalValue()).isEqualByComparingTo("38.6");
    assertThat(readings.get(1).get("symptoms").get(0).asString()).isEqualTo("COUGH");
    assertThat(readings.get(0).get("date")).isEqualTo(readings.get(1).get("date"));
    assertThat(readings.get(0).get("half")).isEqualTo(readings.get(1).get("half"));

    JsonNode alerts = api.as("community").get("/api/v1/quarantine/alerts?size=500&kind=FEVER").json().get("items");
    assertThat(alerts.valueStream().filter(a -> a.get("orderId").asString().equals(order)))
        .singleElement().satisfies(a -> assertThat(a.get("state").asString()).isEqualTo("OPEN"));

    // a second staff reading is kept too; three writes, three audit events
    assertThat(api.as("community").post(base + "/health-checks", Map.of("temperature", 37.0)).status())
        .isEqualTo(201);
    assertThat(api.as("community").get(base + "/health-checks").json().size()).isEqualTo(3);
    assertThat(writes(order)).isEqualTo(writesBefore + 3);
    List<String> details = healthCheckEvents(order);
    assertThat(details).hasSize(3).anyMatch(d -> d.contains("SELF")).anyMatch(d -> d.contains("38.6"));
  }

  /** The health-check write events of an order (CREATE events whose detail starts with "health check"). */
  private int writes(String order) {
    return healthCheckEvents(order).size();
  }

  private List<String> healthCheckEvents(String order) {
    return Probes.audit(api, "action=CREATE&subjectId=" + order).valueStream()
        .map(e -> e.get("detail").isNull() ? "" : e.get("detail").asString())
        .filter(d -> d.startsWith("health check")).toList();
  }
}
