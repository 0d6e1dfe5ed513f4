package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 10: every read of a personal record's sub-resources — a trajectory, a candidate list, a
 * health-check history, a case's tests and history — leaves one READ event naming the reader, the
 * record's type and id; a read that answers 404 leaves none.
 */
@EpiCommandTest
class SubResourceReadAuditTest {

  @Autowired
  Api api;

  @Test
  void readingTheSubResourcesOfACaseAnInvestigationAndAnOrderIsAudited() {
    String reader = Probes.user(api, "DISTRICT_STAFF", DemoPlaces.DISTRICT);
    String caseId = CaseFixtures.caseOf(api, Probes.uniqueName("子资源"), Probes.OWN_COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id").asString();
    assertThat(api.as("cdc").post("/api/v1/investigations/" + investigation + "/trajectory", Map.of("place", "家中",
        "fromAt", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2).atTime(9, 0).atOffset(ZoneOffset.ofHours(8))
            .toString(), "activity", "居家")).status()).isEqualTo(201);
    String person = QuarantineFixtures.person(api, Probes.uniqueName("子资源"), QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "SECONDARY_CONTACT", QuarantineFixtures.today().minusDays(2),
        "V9").get("id").asString();

    record Read(String path, String type, String id) {}
    List<Read> reads = List.of(
        new Read("/api/v1/cases/" + caseId + "/tests", "CASE", caseId),
        new Read("/api/v1/cases/" + caseId + "/history", "CASE", caseId),
        new Read("/api/v1/investigations/" + investigation + "/trajectory", "INVESTIGATION", investigation),
        new Read("/api/v1/investigations/" + investigation + "/candidates", "INVESTIGATION", investigation),
        new Read("/api/v1/quarantine/orders/" + order + "/health-checks", "QUARANTINE_ORDER", order));
    for (Read read : reads) {
      int before = readsBy(reader, read.id()).size();
      Api.Answer answer = api.as(reader, Probes.PASSWORD).get(read.path());
      assertThat(answer.status()).as(read.path()).isEqualTo(200);
      List<JsonNode> after = readsBy(reader, read.id());
      assertThat(after).as(read.path()).hasSize(before + 1);
      assertThat(after.get(0).get("subjectType").asString()).isEqualTo(read.type());
      assertThat(after.get(0).get("subjectId").asString()).isEqualTo(read.id());
    }

    // outside the reader's jurisdiction: 404, and no event
    String outsider = Probes.user(api, "DISTRICT_STAFF", DemoPlaces.OTHER_DISTRICT);
    for (Read read : reads) {
      assertThat(api.as(outsider, Probes.PASSWORD).get(read.path()).status()).as(read.path()).isEqualTo(404);
      assertThat(readsBy(outsider, read.id())).isEmpty();
    }
  }

  private List<JsonNode> readsBy(String username, String subjectId) {
    return Probes.audit(api, "action=READ&username=" + username + "&subjectId=" + subjectId).valueStream().toList();
  }
}
