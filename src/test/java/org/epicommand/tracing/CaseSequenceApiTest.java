package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A case's sequencing through HTTP: a lineage longer than 40 characters and a report date ahead are 400 naming the
 * fields, a correction replaces the stored values, a case outside the jurisdiction is 404, and the chain's page shows
 * the lineage.
 */
@EpiCommandTest
class CaseSequenceApiTest {

  @Autowired
  Api api;

  @Test
  void sequencingIsStoredCorrectedAndShownOnTheChain() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String caseId = CaseFixtures.caseOf(api, "测序病例" + System.nanoTime() % 1000, CaseFixtures.COMMUNITY, "CONFIRMED",
        today.minusDays(3).toString());
    String path = "/api/v1/cases/" + caseId + "/sequence";
    Api.Answer bad = api.as("cdc").put(path, Map.of("lineage", "B".repeat(41), "reportedAt",
        today.plusDays(1).toString()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("lineage", "reportedAt");
    assertThat(api.as("cdc").get(path).status()).isEqualTo(404);
    Api.Answer stored = api.as("cdc").put(path, Map.of("lineage", "BA.5.2", "clade", "22B", "lab", "市疾控中心实验室",
        "reportedAt", today.toString(), "relatedCluster", "冷库聚集"));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("lineage").asString()).isEqualTo("BA.5.2");
    Api.Answer corrected = api.as("cdc").put(path, Map.of("lineage", "BF.7"));
    assertThat(corrected.status()).isEqualTo(200);
    JsonNode read = api.as("cdc").get(path).json();
    assertThat(read.get("lineage").asString()).isEqualTo("BF.7");
    assertThat(read.get("clade").isNull()).isTrue();
    assertThat(api.as("cdc").get("/tracing/chains/" + caseId).body()).contains("BF.7");

    String elsewhere = CaseFixtures.caseOf(api, "外区测序" + System.nanoTime() % 1000,
        CaseFixtures.OTHER_DISTRICT_COMMUNITY, "CONFIRMED", today.minusDays(3).toString());
    api.as("cdc").put("/api/v1/cases/" + elsewhere + "/sequence", Map.of("lineage", "XBB.1.5"));
    assertThat(api.as("district").get("/api/v1/cases/" + elsewhere + "/sequence").status()).isEqualTo(404);
  }
}
