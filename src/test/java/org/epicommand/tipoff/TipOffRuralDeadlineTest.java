package org.epicommand.tipoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A tip-off assigned to a villagers' committee (a village-level code 200–399) is due in 48 hours, one assigned to a
 * residents' committee in 24 (sentinel.md: "verification SLA 24 h (48 h rural)").
 */
@EpiCommandTest
class TipOffRuralDeadlineTest {

  static final String VILLAGE = "990104097201";

  @Autowired
  Api api;

  @Test
  void aVillageHasTwoDaysAndATownCommunityOne() {
    Api.Answer divisions = api.as("admin").upload("/api/v1/imports/jurisdictions?wait=true", "divisions.csv", """
        code12,code,name,level,parent_code
        990104097000,990104097,测试乡,4,990104
        990104097201,990104097201,测试村村民委员会,5,990104097
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(divisions.status()).as(divisions.body()).isEqualTo(200);
    assertThat(divisions.json().get("rowsRejected").asLong()).as(divisions.body()).isZero();

    assertThat(hoursToVerify(VILLAGE)).isEqualTo(48);
    assertThat(hoursToVerify(TipOffApiTest.COMMUNITY)).isEqualTo(24);
  }

  private long hoursToVerify(String community) {
    Map<String, Object> body = new HashMap<>(TipOffApiTest.tip("GATHERING", community, "村口聚集打牌"));
    body.put("channel", "HOTLINE");
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    Api.Answer made = office.post("/api/v1/tip-offs", body);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    JsonNode assigned = office.post("/api/v1/tip-offs/" + made.json().get("id").asString() + "/assign", Map.of())
        .json();
    assertThat(assigned.get("assignedCode").asString()).isEqualTo(community);
    return Duration.between(Instant.parse(assigned.get("assignedAt").asString()),
        Instant.parse(assigned.get("dueAt").asString())).toHours();
  }
}
