package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.vaccination.VaccinationFixtures.COMMUNITY;
import static org.epicommand.vaccination.VaccinationFixtures.dose;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Doses recorded at a site through HTTP: the rules of the specification's table each as a field-level
 * 400 that stores nothing, the same dose number twice as 409 with {@code existingId}, a retired site as
 * 409, the person's record (audited) and the scope (404 / 400 outside the caller's jurisdiction).
 */
@EpiCommandTest
class DoseApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  private JsonNode record(String user, String personId) {
    Api.Answer answer = api.as(user).get("/api/v1/vaccination/persons/" + personId);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void aDoseFollowsTheRulesOfTheSpecificationAndBadOnesStoreNothing() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1950, 5, 5), COMMUNITY);
    LocalDate first = TODAY.minusMonths(8);

    Api.Answer one = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 1, "BIBP", first, site));
    assertThat(one.status()).as(one.body()).isEqualTo(201);
    assertThat(one.json().get("role").asString()).isEqualTo("PRIMARY");
    assertThat(one.json().get("manufacturer").asString()).isEqualTo("北京生物制品研究所有限责任公司");
    String doseId = one.json().get("id").asString();

    Api.Answer again = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 1, "BIBP", first, site));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(doseId);

    Api.Answer gap = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 3, "BIBP", first.plusMonths(2),
        site));
    assertThat(gap.status()).isEqualTo(400);
    assertThat(fields(gap)).containsExactly("doseNumber");
    assertThat(gap.body()).contains("第 3 剂之前缺少第 2 剂");

    Api.Answer soon = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 2, "BIBP", first.plusDays(10),
        site));
    assertThat(soon.status()).isEqualTo(400);
    assertThat(fields(soon)).containsExactly("date");
    assertThat(soon.body()).contains("距上一剂不足 21 天").contains(first.plusDays(21).toString());

    Api.Answer before = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 2, "BIBP",
        first.minusDays(3), site));
    assertThat(fields(before)).containsExactly("date");
    assertThat(before.body()).contains("早于第 1 剂的接种日期 " + first);

    Api.Answer future = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 2, "BIBP", TODAY.plusDays(1),
        site));
    assertThat(future.status()).isEqualTo(400);
    assertThat(fields(future)).contains("date");
    assertThat(future.body()).contains("接种日期晚于今天");

    Map<String, Object> noProduct = new HashMap<>(dose(person.id(), 2, "NOPE", first.plusMonths(1), site));
    Api.Answer unknown = api.as("cdc").post("/api/v1/vaccination/doses", noProduct);
    assertThat(fields(unknown)).containsExactly("productCode");

    assertThat(record("cdc", person.id()).get("doses").size()).as("nothing stored by a bad dose").isEqualTo(1);

    Api.Answer two = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 2, "SINOVAC",
        first.plusDays(21), site));
    assertThat(two.status()).as(two.body()).isEqualTo(201);
    JsonNode record = record("cdc", person.id());
    assertThat(record.get("status").asString()).isEqualTo("PRIMARY_COMPLETE");
    assertThat(record.get("doses").valueStream().map(d -> d.get("productCode").asString()).toList())
        .containsExactly("BIBP", "SINOVAC");

    Api.Answer booster = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 3, "CANSINO",
        first.plusDays(21).plusMonths(2), site));
    assertThat(fields(booster)).containsExactly("date");
    assertThat(booster.body()).contains("距上一剂不足 3 个月");
  }

  @Test
  void theProductsApprovedAgesAreCheckedOnTheDayOfTheDose() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered child = VaccinationFixtures.person(api, TODAY.minusYears(10), COMMUNITY);
    Api.Answer adenovirus = api.as("cdc").post("/api/v1/vaccination/doses", dose(child.id(), 1, "CANSINO",
        TODAY.minusDays(1), site));
    assertThat(adenovirus.status()).isEqualTo(400);
    assertThat(fields(adenovirus)).containsExactlyInAnyOrder("date", "productCode");
    assertThat(adenovirus.body()).contains("超出该疫苗的适用年龄 18+ 岁");
    Api.Answer inactivated = api.as("cdc").post("/api/v1/vaccination/doses", dose(child.id(), 1, "BIBP",
        TODAY.minusDays(1), site));
    assertThat(inactivated.status()).as(inactivated.body()).isEqualTo(201);
  }

  @Test
  void aRetiredSiteRefusesNewDosesWith409AndKeepsItsDoses() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    VaccinationFixtures.Registered person = VaccinationFixtures.person(api, LocalDate.of(1960, 2, 2), COMMUNITY);
    assertThat(api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 1, "BIBP", TODAY.minusMonths(2),
        site)).status()).isEqualTo(201);
    assertThat(api.as("commander").post("/api/v1/vaccination/sites/" + site + "/retire", "").status()).isEqualTo(200);
    Api.Answer refused = api.as("cdc").post("/api/v1/vaccination/doses", dose(person.id(), 2, "BIBP",
        TODAY.minusMonths(1), site));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(refused.json().get("detail").asString()).contains("接种点已停用").contains("RETIRED");
    assertThat(record("cdc", person.id()).get("doses").get(0).get("siteCode").asString()).isEqualTo(site);
  }

  @Test
  void aPersonOutsideTheCallersJurisdictionDoesNotExistForThem() {
    String site = VaccinationFixtures.site(api, VaccinationFixtures.OTHER_DISTRICT_COMMUNITY);
    VaccinationFixtures.Registered elsewhere = VaccinationFixtures.person(api, LocalDate.of(1955, 3, 3),
        VaccinationFixtures.OTHER_DISTRICT_COMMUNITY);
    assertThat(api.as("district").get("/api/v1/vaccination/persons/" + elsewhere.id()).status()).isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/vaccination/persons/" + elsewhere.id()).status()).isEqualTo(404);
    Api.Answer dose = api.as("commander").post("/api/v1/vaccination/doses", dose(elsewhere.id(), 1, "BIBP",
        TODAY.minusDays(3), site));
    assertThat(dose.status()).as(dose.body()).isEqualTo(201);
    assertThat(api.as("commander").get("/api/v1/vaccination/persons/" + elsewhere.id()).status()).isEqualTo(200);
    Api.Answer audit = api.as("auditor").get("/api/v1/audit?subjectId=" + elsewhere.id());
    assertThat(audit.json().get("items").valueStream().filter(e -> e.get("action").asString().equals("READ")
        && e.get("subjectType").asString().equals("VACCINATION_RECORD")).map(e -> e.get("username").asString()))
        .containsExactly("commander");
  }
}
