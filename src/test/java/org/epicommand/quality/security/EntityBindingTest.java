package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 9: entity-bound roles. A site manager works only on the stays and orders of the sites an
 * administrator bound them to (and places persons who wait for a room); a home-isolated person of
 * another district answers 404 to them. A lab operator reports only for their labs. Only
 * administrators bind and unbind.
 */
@EpiCommandTest
class EntityBindingTest {

  @Autowired
  Api api;

  private String site() {
    return QuarantineFixtures.site(api, "EB" + System.nanoTime() % 1_000_000_000L, 1, 3);
  }

  private String order(String reason) {
    String person = QuarantineFixtures.person(api, Probes.uniqueName("绑定"),
        QuarantineFixtures.OTHER_DISTRICT_COMMUNITY);
    return QuarantineFixtures.open(api, person, reason, QuarantineFixtures.today().minusDays(1), "V9").get("id")
        .asString();
  }

  private Api.Caller as(String manager) {
    return api.as(manager, Probes.PASSWORD);
  }

  @Test
  void theDemoSiteManagerCannotTouchAHomeIsolatedPersonOfAnotherDistrict() {
    String home = order("SECONDARY_CONTACT");
    String base = "/api/v1/quarantine/orders/" + home;
    JsonNode tests = api.as("commander").get(base).json().get("tests");
    String test = tests.get(0).get("id").asString();
    for (Api.Answer answer : List.of(api.as("site").get(base),
        api.as("site").post(base + "/tests/" + test + "/result", Map.of("result", "POSITIVE")),
        api.as("site").post(base + "/health-checks", Map.of("temperature", 36.6)),
        api.as("site").post(base + "/health-link", Map.of()),
        api.as("site").get(base + "/health-checks"))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    }
    assertThat(api.as("site").get("/api/v1/quarantine/orders?size=500&jurisdiction="
        + QuarantineFixtures.OTHER_DISTRICT_COMMUNITY).body()).doesNotContain(home);
    JsonNode after = api.as("commander").get(base).json().get("tests").get(0);
    assertThat(after.get("status").asString()).as("no result was recorded").isNotEqualTo("POSITIVE");
  }

  @Test
  void aBoundManagerPlacesWaitingPersonsAtTheirSiteAndWorksOnlyOnItsStays() {
    String own = site();
    String foreign = site();
    String manager = Probes.user(api, "SITE_MANAGER", DemoPlaces.CITY);
    Api.Answer bound = api.as("admin").post("/api/v1/quarantine/site-staff/" + own, Map.of("username", manager));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    assertThat(api.as("admin").post("/api/v1/quarantine/site-staff/" + own, Map.of("username", manager))
        .status()).isEqualTo(409);
    assertThat(api.as("admin").get("/api/v1/quarantine/site-staff/" + own).json().findValuesAsString("username"))
        .contains(manager);

    // a person waiting for a room is placed at the manager's own site, not at another
    String waiting = order("CLOSE_CONTACT");
    assertThat(as(manager).get("/api/v1/quarantine/orders/" + waiting).status()).isEqualTo(200);
    Api.Answer elsewhere = as(manager).post("/api/v1/quarantine/orders/" + waiting + "/check-in",
        Map.of("roomId", QuarantineFixtures.room(api, foreign, "1")));
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(400);
    Api.Answer placed = as(manager).post("/api/v1/quarantine/orders/" + waiting + "/check-in",
        Map.of("roomId", QuarantineFixtures.room(api, own, "1")));
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    assertThat(as(manager).post("/api/v1/quarantine/orders/" + waiting + "/health-checks",
        Map.of("temperature", 36.6)).status()).isEqualTo(201);

    // the other site's rooms, stays and details are not the manager's
    String other = order("CLOSE_CONTACT");
    assertThat(api.as("commander").post("/api/v1/quarantine/orders/" + other + "/check-in",
        Map.of("roomId", QuarantineFixtures.room(api, foreign, "2"))).status()).isEqualTo(200);
    assertThat(as(manager).get("/api/v1/quarantine/orders/" + other).status()).isEqualTo(404);
    assertThat(as(manager).post("/api/v1/quarantine/orders/" + other + "/health-checks",
        Map.of("temperature", 36.6)).status()).isEqualTo(404);
    assertThat(as(manager).post("/api/v1/quarantine/sites/" + foreign + "/rooms", Map.of("numbers", List.of("9")))
        .status()).isEqualTo(404);
    assertThat(as(manager).post("/api/v1/quarantine/rooms/" + QuarantineFixtures.room(api, foreign, "3") + "/state",
        Map.of("state", "OUT_OF_SERVICE")).status()).isEqualTo(404);
    assertThat(as(manager).put("/api/v1/quarantine/sites/" + foreign, Map.of("name", "改名",
        "jurisdictionCode", QuarantineFixtures.DISTRICT)).status()).isEqualTo(404);
    JsonNode rooms = as(manager).get("/api/v1/quarantine/sites/" + foreign + "/rooms?state=OCCUPIED").json();
    assertThat(rooms.toString()).doesNotContain(other);
    assertThat(rooms.get(0).get("occupants").get(0).get("outsideScope").asBoolean()).isTrue();
    assertThat(as(manager).post("/api/v1/quarantine/sites/" + own + "/rooms", Map.of("numbers", List.of("9")))
        .status()).isEqualTo(201);

    // only an administrator binds; unbinding takes the site away
    assertThat(api.as("commander").post("/api/v1/quarantine/site-staff/" + foreign,
        Map.of("username", manager)).status()).isEqualTo(403);
    assertThat(as(manager).post("/api/v1/quarantine/site-staff/" + foreign, Map.of("username", manager))
        .status()).isEqualTo(403);
    assertThat(api.as("admin").post("/api/v1/quarantine/site-staff/" + own, Map.of("username", "nobody_x"))
        .status()).isEqualTo(400);
    assertThat(api.as("admin").delete("/api/v1/quarantine/site-staff/" + own + "/" + manager).status())
        .isEqualTo(204);
    assertThat(as(manager).get("/api/v1/quarantine/orders/" + waiting).status()).isEqualTo(404);
    assertThat(Probes.audit(api, "subjectId=" + own).valueStream().map(e -> e.get("detail").asString()).toList())
        .anyMatch(d -> d.contains("bound " + manager)).anyMatch(d -> d.contains("unbound " + manager));
  }

  @Test
  void theDemoSiteUserIsBoundToTheFirstDemoSite() {
    JsonNode sites = api.as("commander").get("/api/v1/quarantine/sites").json();
    String first = sites.valueStream().filter(s -> s.get("code").asString().equals("BJ-Q01")).findFirst()
        .orElseThrow().get("id").asString();
    assertThat(api.as("admin").get("/api/v1/quarantine/site-staff/" + first).json()
        .findValuesAsString("username")).contains("site");
  }

  /** Lab operators are bound the same way: their results land only for their labs (the results import, FHIR). */
  @Test
  void aLabOperatorReportsResultsOnlyForTheLabsTheyAreBoundTo() {
    List<LabtestFixtures.Member> members = LabtestFixtures.persons(api, 2, Probes.OWN_COMMUNITY);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    String own = "EBA" + tag;
    String other = "EBB" + tag;
    String at = "2022-11-11T08:00:00+08:00";
    LabtestFixtures.upload(api, "lab", "tubes", LabtestFixtures.TUBES_HEADER
        + LabtestFixtures.tubeRows(own, "SINGLE", members.subList(0, 1), "S990101001001", at)
        + LabtestFixtures.tubeRows(other, "SINGLE", members.subList(1, 2), "S990101001001", at));
    String operator = Probes.user(api, "LAB_OPERATOR", DemoPlaces.CITY);
    assertThat(api.as("admin").post("/api/v1/labtest/lab-staff/LAB01", Map.of("username", operator)).status())
        .isEqualTo(201);
    assertThat(api.as("commander").post("/api/v1/labtest/lab-staff/LAB02", Map.of("username", operator)).status())
        .isEqualTo(403);
    String results = LabtestFixtures.RESULTS_HEADER + own + ",NEGATIVE,,,LAB01,2022-11-11T12:00:00+08:00\n"
        + other + ",NEGATIVE,,,LAB02,2022-11-11T12:00:00+08:00\n";
    JsonNode status = api.as(operator, Probes.PASSWORD).upload("/api/v1/imports/results?wait=true", "results.csv",
        results.getBytes(java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isEqualTo(1);
    assertThat(LabtestFixtures.errors(status)).containsExactly("3:labCode");
    assertThat(api.as("commander").get("/api/v1/tubes/" + other).json().get("state").asString())
        .isNotEqualTo("RESULTED");
    assertThat(api.as("admin").get("/api/v1/labtest/lab-staff/LAB01").json().findValuesAsString("username"))
        .contains(operator, "lab");
  }
}
