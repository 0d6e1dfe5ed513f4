package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.OTHER_DISTRICT_COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class TransmissionApiTest {

  @Autowired
  Api api;

  private String link(String infector, String infectee) {
    Api.Answer answer = api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId", infector,
        "infecteeCaseId", infectee, "setting", "HOUSEHOLD"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  private String newCase(String name) {
    return CaseFixtures.caseOf(api, name, COMMUNITY, "CONFIRMED", "2026-11-01");
  }

  static Map<String, Integer> generations(JsonNode chain) {
    Map<String, Integer> generations = new HashMap<>();
    chain.get("nodes").forEach(n -> generations.put(n.get("caseId").asString(), n.get("generation").asInt()));
    return generations;
  }

  @Test
  void theChainOfACaseHasEveryLinkedCaseWithItsGeneration() {
    String a = newCase("链甲");
    String b = newCase("链乙");
    String c = newCase("链丙");
    String d = newCase("链丁");
    link(a, b);
    link(b, c);
    link(a, d);
    // c also infected by d: the longest path from the index case decides (3), not the shortest
    link(d, c);
    JsonNode chain = api.as("district").get("/api/v1/cases/" + c + "/chain").json();
    assertThat(generations(chain)).isEqualTo(Map.of(a, 1, b, 2, d, 2, c, 3));
    Set<String> links = new HashSet<>();
    chain.get("links").forEach(l -> links.add(l.get("infectorCaseId").asString() + ">" + l.get("infecteeCaseId")
        .asString()));
    assertThat(links).containsExactlyInAnyOrder(a + ">" + b, b + ">" + c, a + ">" + d, d + ">" + c);
    JsonNode node = chain.get("nodes").get(0);
    assertThat(node.get("caseId").asString()).isEqualTo(a);
    assertThat(node.get("label").asString()).isEqualTo("链甲");
    assertThat(node.get("classification").asString()).isEqualTo("CONFIRMED");
    assertThat(node.get("onsetDate").asString()).isEqualTo("2026-11-01");
  }

  @Test
  void aLinkThatWouldCloseACycleIs400AndTheChainIsUnchanged() {
    String a = newCase("环甲");
    String b = newCase("环乙");
    String c = newCase("环丙");
    link(a, b);
    link(b, c);
    Api.Answer cycle = api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId", c, "infecteeCaseId", a));
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.json().get("errors").get(0).get("field").asString()).isEqualTo("infecteeCaseId");
    assertThat(cycle.json().get("errors").get(0).get("code").asString()).isEqualTo("tracing.cycle");
    Api.Answer self = api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId", a, "infecteeCaseId", a));
    assertThat(self.status()).isEqualTo(400);
    Api.Answer duplicate = api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId", a, "infecteeCaseId", b));
    assertThat(duplicate.status()).isEqualTo(409);
    Api.Answer unknown = api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId",
        UUID.randomUUID().toString(), "infecteeCaseId", "nonsense"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").size()).isEqualTo(2);
    assertThat(api.as("district").post("/api/v1/transmissions", body("infectorCaseId", a, "infecteeCaseId", c))
        .status()).isEqualTo(403);
    assertThat(generations(api.as("cdc").get("/api/v1/cases/" + a + "/chain").json()))
        .isEqualTo(Map.of(a, 1, b, 2, c, 3));
  }

  @Test
  void linkingTwoChainsMergesThem() {
    String a = newCase("合甲");
    String b = newCase("合乙");
    String x = newCase("合丙");
    String y = newCase("合丁");
    link(a, b);
    link(x, y);
    assertThat(api.as("cdc").get("/api/v1/cases/" + a + "/chain").json().get("nodes").size()).isEqualTo(2);
    link(b, x);
    JsonNode chain = api.as("cdc").get("/api/v1/cases/" + y + "/chain").json();
    assertThat(generations(chain)).isEqualTo(Map.of(a, 1, b, 2, x, 3, y, 4));
    assertThat(api.as("cdc").get("/api/v1/cases/" + a + "/chain").json().get("chainId").asString())
        .isEqualTo(chain.get("chainId").asString());
  }

  @Test
  void aDistrictUserSeesOnlyTheCasesOfItsDistrictInAChainWithTheirTrueGenerations() {
    String outside = CaseFixtures.caseOf(api, "外区源头", OTHER_DISTRICT_COMMUNITY, "CONFIRMED", "2026-11-01");
    String inside = newCase("本区续发");
    link(outside, inside);
    JsonNode seen = api.as("district").get("/api/v1/cases/" + inside + "/chain").json();
    assertThat(generations(seen)).isEqualTo(Map.of(inside, 2));
    assertThat(seen.get("links").size()).isZero();
    assertThat(seen.toString()).doesNotContain(outside).doesNotContain("外区源头");
  }

  @Test
  void fiveLinkedCasesWithin14DaysAreAClusterAndLinkedHouseholdMembersAFamilyCluster() {
    String address = "聚集路" + UUID.randomUUID().toString().substring(0, 8) + "号";
    String[] ids = new String[5];
    for (int i = 0; i < 5; i++) {
      String person = i < 2 ? CaseFixtures.person(api, "家庭" + i, COMMUNITY, address)
          : CaseFixtures.person(api, "聚集" + i, COMMUNITY);
      Api.Answer created = api.as("cdc").post("/api/v1/cases", body("personId", person, "classification",
          "CONFIRMED", "onsetDate", "2026-10-0" + (i + 1)));
      ids[i] = created.json().get("id").asString();
    }
    for (int i = 1; i < 5; i++) {
      link(ids[0], ids[i]);
    }
    JsonNode clusters = api.as("district").get("/api/v1/clusters").json();
    JsonNode linked = find(clusters, "LINKED", ids[0]);
    assertThat(linked).as(clusters.toString()).isNotNull();
    assertThat(linked.get("cases").asInt()).isEqualTo(5);
    assertThat(linked.get("firstDate").asString()).isEqualTo("2026-10-01");
    JsonNode family = find(clusters, "FAMILY", ids[0]);
    assertThat(family).as(clusters.toString()).isNotNull();
    List<String> members = new java.util.ArrayList<>();
    family.get("caseIds").forEach(c -> members.add(c.asString()));
    assertThat(members).containsExactlyInAnyOrder(ids[0], ids[1]);
  }

  private static JsonNode find(JsonNode clusters, String kind, String caseId) {
    for (JsonNode cluster : clusters) {
      if (cluster.get("kind").asString().equals(kind) && cluster.get("caseIds").toString().contains(caseId)) {
        return cluster;
      }
    }
    return null;
  }
}
