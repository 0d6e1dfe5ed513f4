package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.enterprise.ReopeningFixtures.step;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The rules an approval holds to: the three 高三 sign-offs, every blocking item passed on site (a failed
 * one raised as a supervision problem), only the template's positions signing; and a staff member who
 * becomes a close contact lowers the cleared share at once and is told to 属地.
 */
@EpiCommandTest
class ReopeningRulesApiTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 21);

  @Autowired
  Api api;

  @Test
  void seniorThreeReopensOnlyWithTheThreeSignOffsAndEveryBlockingItemPassed() {
    ReopeningFixtures.Org school = ReopeningFixtures.organisation(api, "滨江一中", "SCHOOL", List.of("高三", "初三"));
    ReopeningFixtures.staff(school, "班主任甲", ReopeningFixtures.passport(), true);
    ReopeningFixtures.staff(school, "班主任乙", ReopeningFixtures.passport(), true);
    Api.Answer notACohort = school.asContact().post("/api/v1/resumption/applications",
        ReopeningFixtures.application("REOPEN_SCHOOL_COHORT", "高一", PLANNED, 40));
    assertThat(notACohort.status()).isEqualTo(400);
    assertThat(notACohort.json().get("errors").get(0).get("field").asString()).isEqualTo("cohort");
    String id = ReopeningFixtures.draft(school, "REOPEN_SCHOOL_COHORT", "高三", PLANNED, 30);
    JsonNode draft = api.as("commander").get("/api/v1/resumption/applications/" + id).json();
    assertThat(draft.get("templateCode").asString()).isEqualTo("SENIOR_THREE_TEN");

    Api.Answer stranger = ReopeningFixtures.sign(school.asContact(), id, "校长", "班长");
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.json().get("errors").get(0).get("field").asString()).isEqualTo("signOffs[1].position");
    assertThat(stranger.json().get("errors").get(0).get("message").asString()).contains("党委政府主要负责同志");
    assertThat(api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("signOffs").size())
        .as("all or none: 校长 was not recorded either").isZero();
    assertThat(ReopeningFixtures.sign(school.asContact(), id, "校长").status()).isEqualTo(200);
    ReopeningFixtures.documents(school, id);
    school.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}");
    step(api, "commander", id, "start-review", null);
    step(api, "commander", id, "request-inspection", null);
    ReopeningFixtures.checkAll(api, "inspector", id, "PASS");

    Api.Answer unsigned = step(api, "commander", id, "approve", null);
    assertThat(unsigned.status()).isEqualTo(409);
    assertThat(ResumptionLifecycleApiTest.missing(unsigned)).containsExactly("signOffs.党委政府主要负责同志",
        "signOffs.教育行政主管部门负责人");
    assertThat(unsigned.json().get("detail").asString()).contains("SITE_INSPECTION");
    assertThat(unsigned.json().get("missing").get(0).get("message").asString()).contains("党委政府主要负责同志");

    assertThat(ReopeningFixtures.sign(api.as("commander"), id, "党委政府主要负责同志", "教育行政主管部门负责人").status())
        .isEqualTo(200);
    Api.Answer failed = api.as("inspector").put("/api/v1/resumption/applications/" + id + "/checklist/CLASS_SIZE",
        Map.of("outcome", "FAIL", "note", "高三（2）班 36 人", "raiseProblem", true));
    assertThat(failed.status()).isEqualTo(200);
    String problemId = failed.json().get("problemId").asString();
    JsonNode problem = api.as("inspector").get("/api/v1/problems/" + problemId).json();
    assertThat(problem.get("state").asString()).isEqualTo("FOUND");
    assertThat(problem.get("unitCode").asString()).isEqualTo(school.creditCode());
    assertThat(problem.get("description").asString()).contains("每班不超过30人").contains("36 人");
    Api.Answer blocked = step(api, "commander", id, "approve", null);
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(ResumptionLifecycleApiTest.missing(blocked)).containsExactly("checklist.CLASS_SIZE");

    api.as("inspector").put("/api/v1/resumption/applications/" + id + "/checklist/CLASS_SIZE",
        Map.of("outcome", "PASS", "note", "已分班"));
    JsonNode approved = step(api, "commander", id, "approve", null).json();
    assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
    assertThat(approved.get("checklist").get("CLASS_SIZE").get("problemId").asString()).isEqualTo(problemId);
    // the board counts the cohort as opened
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonNode board = api.as("commander").get("/api/v1/resumption/board?jurisdiction=990101001001").json();
      JsonNode cohort = null;
      for (JsonNode row : board.get("cohorts")) {
        if (row.get("cohort").asString().equals("高三")) {
          cohort = row;
        }
      }
      assertThat(cohort).isNotNull();
      assertThat(cohort.get("opened").asLong()).isPositive();
    });
  }

  @Test
  void masksAreCountedPerHeadOnDutyForTheTemplatesDays() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "口罩不够的厂", "ENTERPRISE", null);
    for (int i = 0; i < 4; i++) {
      ReopeningFixtures.staff(org, "工人" + i, ReopeningFixtures.passport(), true);
    }
    String id = ReopeningFixtures.draft(org, "RESUME_WORK", null, PLANNED, 11);
    Api.Answer requirements = api.as("commander").get("/api/v1/resumption/applications/" + id + "/requirements");
    JsonNode masks = null;
    for (JsonNode m : requirements.json()) {
      if (m.get("field").asString().equals("supplies.masks")) {
        masks = m;
      }
    }
    assertThat(masks).as("五到位: 3 days × 4 on duty").isNotNull();
    assertThat(masks.get("args").toString()).isEqualTo("[12,11]");
  }

  @Test
  void aStaffMemberWhoBecomesACloseContactLowersTheClearedShareAndIsToldToTheirOrganisationsJurisdiction() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "密接所在公司", "ENTERPRISE", null);
    String passport = ReopeningFixtures.passport();
    Map<String, Object> person = new HashMap<>();
    person.put("name", "李返岗");
    person.put("idType", "PASSPORT");
    person.put("idNumber", passport);
    person.put("sex", "MALE");
    person.put("jurisdictionCode", OrganisationFixtures.OTHER_DISTRICT_COMMUNITY);
    Api.Answer registered = api.as("commander").post("/api/v1/persons", person);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String personId = registered.json().get("id").asString();
    // the ledger is typed by the organisation, who lives in another district: linked by document and name
    ReopeningFixtures.staff(org, "李返岗", passport, true);
    ReopeningFixtures.staff(org, "王在岗", ReopeningFixtures.passport(), true);
    String id = ReopeningFixtures.draft(org, "RESUME_WORK", null, PLANNED, 100);
    assertThat(api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("staffing")
        .get("clearedShare").asDouble()).isEqualTo(1.0);

    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    String caseId = CaseFixtures.caseOf(api, "公司密接的病例", OrganisationFixtures.OTHER_DISTRICT_COMMUNITY, "CONFIRMED",
        yesterday.toString());
    Api.Answer contact = api.as("cdc").post("/api/v1/cases/" + caseId + "/contacts", CaseFixtures.body("personId",
        personId, "category", "CLOSE", "contactType", "MEAL", "lastExposureDate", yesterday.toString()));
    assertThat(contact.status()).as(contact.body()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.as("commander")
        .get("/api/v1/resumption/applications/" + id).json().get("staffing").get("clearedShare").asDouble())
        .isEqualTo(0.5));
    JsonNode staff = org.asContact().get("/api/v1/organisations/" + org.id() + "/staff?cleared=false").json();
    assertThat(staff.get("items").size()).isOne();
    assertThat(staff.get("items").get(0).get("name").asString()).isEqualTo("李返岗");
    assertThat(staff.get("items").get(0).toString()).as("the registry is not shown").doesNotContain(personId);
    assertThat(ResumptionLifecycleApiTest.missing(blockedApproval(org, id))).contains("staff");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.as("district")
        .get("/api/v1/notifications?size=100").body()).contains("单位返岗人员被判定为密切接触者：密接所在公司"));
    // a staff member under quarantine cannot be put on duty
    String staffId = staff.get("items").get(0).get("id").asString();
    Api.Answer onDuty = org.asContact().put("/api/v1/organisations/" + org.id() + "/staff/" + staffId,
        Map.of("name", "李返岗", "onDuty", true));
    assertThat(onDuty.status()).isEqualTo(409);
  }

  /** Takes the application to site inspection with everything else in order, and asks for approval. */
  private Api.Answer blockedApproval(ReopeningFixtures.Org org, String id) {
    ReopeningFixtures.documents(org, id);
    ReopeningFixtures.sign(org.asContact(), id, "法定代表人");
    org.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}");
    step(api, "commander", id, "start-review", null);
    step(api, "commander", id, "request-inspection", null);
    ReopeningFixtures.checkAll(api, "inspector", id, "PASS");
    Api.Answer refused = step(api, "commander", id, "approve", null);
    assertThat(refused.status()).isEqualTo(409);
    return refused;
  }
}
