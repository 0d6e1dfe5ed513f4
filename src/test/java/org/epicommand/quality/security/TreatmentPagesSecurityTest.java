package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The treatment pages answer each role as the rules say: the medical group and commanders see every
 * page with names, not codes; a hospital operator sees their own hospital only (404 for another) and
 * none of the medical group's pages; someone outside treatment sees no treatment page.
 */
@EpiCommandTest
class TreatmentPagesSecurityTest {

  @Autowired
  Api api;

  @Test
  void eachRoleSeesTheTreatmentPagesItMay() {
    WebSession medical = WebSession.login(api, "medical");
    for (String path : List.of("/treatment", "/treatment/hospitals/H-DD01", "/treatment/hospitals/new",
        "/treatment/capacity", "/treatment/experts", "/treatment/tile")) {
      WebSession.Page page = medical.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain(">DESIGNATED<", ">ACTIVE<", ">GENERAL<", "??");
    }
    assertThat(medical.get("/treatment").body()).contains("滨江市第一定点医院", "定点医院", "在用");
    assertThat(medical.get("/treatment/capacity").body()).contains("床位缺口");

    WebSession commander = WebSession.login(api, "commander");
    WebSession.Page desk = commander.get("/treatment/requests");
    assertThat(desk.status()).isEqualTo(200);
    assertThat(desk.body()).contains("医疗服务", "回拨电话");
    assertThat(commander.get("/analytics/dashboard").body()).contains("/treatment/tile");
    String name = Probes.uniqueName("就医");
    String person = org.epicommand.quarantine.QuarantineFixtures.person(api, name,
        org.epicommand.quarantine.QuarantineFixtures.COMMUNITY);
    String order = org.epicommand.quarantine.QuarantineFixtures.open(api, person, "CLOSE_CONTACT",
        org.epicommand.quarantine.QuarantineFixtures.today().minusDays(1), "V9").get("id").asString();
    WebSession district = WebSession.login(api, "district");
    assertThat(district.get("/quarantine/orders/" + order).body()).contains("data-testid=\"medical-request\"",
        "/treatment/requests?personId=" + person);
    WebSession.Page prefilled = district.get("/treatment/requests?personId=" + person + "&order=" + order);
    assertThat(prefilled.status()).isEqualTo(200);
    assertThat(prefilled.body()).contains(name, "隔离管控令 " + order);
    // the desk dispatches with the hospital and the closed-loop vehicle
    String requestId = api.as("commander").post("/api/v1/medical-requests", Map.of("personId", person, "need",
        "DIALYSIS", "urgency", "URGENT", "channel", "COMMUNITY", "phone", "13900139123")).json().get("id").asString();
    assertThat(api.as("commander").post("/api/v1/medical-requests/" + requestId + "/accept", "{}").status())
        .isEqualTo(200);
    assertThat(commander.get("/treatment/requests").body()).contains("data-testid=\"dispatch-vehicle\"")
        .contains("滨江市第一定点医院");
    commander.postForm("/treatment/requests/" + requestId + "/DISPATCHED", Map.of("hospitalCode", "H-DD01",
        "vehicle", "闭环转运车 7 号"), true);
    tools.jackson.databind.JsonNode dispatched = api.as("commander").get("/api/v1/medical-requests/" + requestId)
        .json();
    assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(dispatched.get("hospitalCode").asString()).isEqualTo("H-DD01");
    assertThat(dispatched.get("vehicle").asString()).isEqualTo("闭环转运车 7 号");

    WebSession operator = WebSession.login(api, "hospital");
    assertThat(operator.get("/treatment/hospitals/H-DD01").status()).isEqualTo(200);
    assertThat(operator.get("/treatment/hospitals/H-BK01").status()).isEqualTo(404);
    assertThat(operator.get("/treatment/experts").status()).isEqualTo(403);
    assertThat(operator.get("/treatment/hospitals/new").status()).isEqualTo(403);
    WebSession.Page beds = operator.postForm("/treatment/hospitals/H-BK01/beds", Map.of("type", "GENERAL", "total",
        "1"), true);
    assertThat(beds.status()).isEqualTo(404);

    WebSession lab = WebSession.login(api, "lab");
    String deployment = api.as("commander").post("/api/v1/staff-deployments", Map.of("staffKind", "DOCTOR",
        "headcount", 3, "sourceTeam", "页面权限医疗队", "targetHospitalCode", "H-FC01")).json().get("id").asString();
    WebSession.Page roster = medical.get("/treatment/deployments/" + deployment);
    assertThat(roster.status()).isEqualTo(200);
    assertThat(roster.body()).contains("已点名 0 / 3 人", "医生").doesNotContain(">DOCTOR<", "??");
    assertThat(operator.get("/treatment/deployments/" + deployment).status()).as("not their hospital")
        .isEqualTo(404);
    assertThat(operator.postForm("/treatment/deployments/" + deployment + "/workers", Map.of("role", "DOCTOR"),
        true).status()).isEqualTo(403);
    assertThat(lab.get("/treatment/deployments/" + deployment).status()).isEqualTo(403);
    assertThat(lab.get("/treatment").status()).isEqualTo(403);
    assertThat(lab.get("/treatment/requests").status()).isEqualTo(403);
  }
}
