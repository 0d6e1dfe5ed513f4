package org.epicommand.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.supervision.ProblemLifecycleApiTest.fields;
import static org.epicommand.supervision.ProblemLifecycleApiTest.ids;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Several plans on one day, one per team and district; the targets of a district's plan lie inside it. */
@EpiCommandTest
class PlansPerTeamApiTest {

  @Autowired
  Api api;

  @Test
  void twoTeamsPlanTheSameDayEachInItsDistrict() {
    String day = SupervisionFixtures.freshDay().toString();
    Api.Answer first = api.as("inspector").post("/api/v1/inspections/plans", plan(day, "第一督查组", DemoPlaces.DISTRICT,
        DemoPlaces.COMMUNITY, "集贸市场"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("teamName").asString()).isEqualTo("第一督查组");
    assertThat(first.json().get("districtCode").asString()).isEqualTo(DemoPlaces.DISTRICT);
    assertThat(first.json().get("districtName").asString()).isNotBlank();
    Api.Answer second = api.as("commander").post("/api/v1/inspections/plans", plan(day, "第二督查组",
        DemoPlaces.OTHER_DISTRICT,
        DemoPlaces.OTHER_DISTRICT_COMMUNITY, "隔离酒店"));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    // the first team again that day, for the whole city: another plan
    Api.Answer cityWide = api.as("inspector").post("/api/v1/inspections/plans", plan(day, "第一督查组", null,
        "990103001", "学校"));
    assertThat(cityWide.status()).as(cityWide.body()).isEqualTo(201);

    Api.Answer again = api.as("inspector").post("/api/v1/inspections/plans", plan(day, "第一督查组", DemoPlaces.DISTRICT,
        "990101002", "另一主题"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(first.json().get("id").asString());

    assertThat(ids(api.as("inspector").get("/api/v1/inspections/plans?date=" + day))).containsExactlyInAnyOrder(
        first.json().get("id").asString(), second.json().get("id").asString(), cityWide.json().get("id").asString());
    assertThat(ids(api.as("inspector").get("/api/v1/inspections/plans?date=" + day + "&district=990102")))
        .containsExactly(second.json().get("id").asString());
    String page = api.as("inspector").get("/supervision/plans?day=" + day, "text/html").body();
    assertThat(page).contains("第一督查组").contains("第二督查组").contains("集贸市场").contains("隔离酒店");
  }

  @Test
  void aDistrictPlanKeepsItsTargetsInsideTheDistrict() {
    String day = SupervisionFixtures.freshDay().toString();
    Api.Answer outside = api.as("inspector").post("/api/v1/inspections/plans", plan(day, "第三督查组", DemoPlaces.DISTRICT,
        DemoPlaces.OTHER_DISTRICT_COMMUNITY, "越界"));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(fields(outside)).containsExactly("targets[0]");
    Api.Answer notADistrict = api.as("inspector").post("/api/v1/inspections/plans", plan(day, "第三督查组",
        DemoPlaces.STREET, DemoPlaces.COMMUNITY, "街道不是区县"));
    assertThat(fields(notADistrict)).containsExactly("districtCode");
    Map<String, Object> longName = plan(day, "组".repeat(101), null, DemoPlaces.COMMUNITY, "太长");
    assertThat(fields(api.as("inspector").post("/api/v1/inspections/plans", longName))).containsExactly("teamName");
  }

  private static Map<String, Object> plan(String day, String teamName, String district, String target, String theme) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", day);
    body.put("theme", theme);
    body.put("team", List.of("inspector"));
    body.put("targets", List.of(target));
    body.put("teamName", teamName);
    if (district != null) {
      body.put("districtCode", district);
    }
    return body;
  }
}
