package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The bad inputs of reopening not covered elsewhere: another organisation's application is not found by a
 * contact whatever they try on it (404), and an application's fields are refused by name (400), never a 500.
 */
@EpiCommandTest
class ReopeningBadInputApiTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 26);

  @Autowired
  Api api;

  @Test
  void aContactFindsNothingOfAnotherOrganisationsApplication() {
    ReopeningFixtures.Org own = ReopeningFixtures.organisation(api, "越界的公司", "ENTERPRISE", null);
    ReopeningFixtures.Org other = ReopeningFixtures.organisation(api, "被越界的公司", "ENTERPRISE", null);
    String id = ReopeningFixtures.draft(other, "RESUME_WORK", null, PLANNED, 10);
    ReopeningFixtures.documents(other, id);
    String documentId = api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("documents")
        .get(0).get("id").asString();
    String base = "/api/v1/resumption/applications/" + id;
    Api.Caller contact = own.asContact();
    assertThat(contact.get(base).status()).isEqualTo(404);
    assertThat(contact.get(base + "/requirements").status()).isEqualTo(404);
    assertThat(contact.put(base, ReopeningFixtures.application("RESUME_WORK", null, PLANNED, 1)).status())
        .isEqualTo(404);
    assertThat(contact.post(base + "/submit", "{}").status()).isEqualTo(404);
    assertThat(contact.put(base + "/checklist/MECHANISM", Map.of("outcome", "PASS")).status()).isEqualTo(404);
    assertThat(ReopeningFixtures.sign(contact, id, "法定代表人").status()).isEqualTo(404);
    assertThat(contact.upload(base + "/documents?kind=APPLICATION", "a.pdf", ReopeningFixtures.PDF).status())
        .isEqualTo(404);
    assertThat(contact.get(base + "/documents/" + documentId).status()).isEqualTo(404);
    assertThat(contact.get("/api/v1/resumption/applications?organisation=" + other.id()).status()).isEqualTo(404);
    Map<String, Object> forOther = ReopeningFixtures.application("RESUME_WORK", null, PLANNED, 1);
    forOther.put("organisationId", other.id());
    assertThat(contact.post("/api/v1/resumption/applications", forOther).status()).isEqualTo(404);
    JsonNode mine = contact.get("/api/v1/resumption/applications").json().get("items");
    mine.forEach(a -> assertThat(a.get("organisationId").asString()).isEqualTo(own.id()));
    assertThat(api.as("commander").get(base).json().get("state").asString()).as("nothing moved").isEqualTo("DRAFT");
  }

  @Test
  void anApplicationsFieldsAreRefusedByName() {
    ReopeningFixtures.Org school = ReopeningFixtures.organisation(api, "字段一中", "SCHOOL", List.of("高三"));
    ReopeningFixtures.Org firm = ReopeningFixtures.organisation(api, "字段公司", "ENTERPRISE", null);
    String path = "/api/v1/resumption/applications";
    assertThat(fields(school.asContact().post(path, ReopeningFixtures.application("REOPEN_SCHOOL_COHORT", "初一",
        PLANNED, 1)))).containsExactly("cohort");
    assertThat(fields(firm.asContact().post(path, ReopeningFixtures.application("REOPEN_SCHOOL_COHORT", "高三",
        PLANNED, 1)))).containsExactly("kind");
    Map<String, Object> unknownTemplate = ReopeningFixtures.application("RESUME_WORK", null, PLANNED, 1);
    unknownTemplate.put("templateCode", "NO_SUCH_TEMPLATE");
    assertThat(fields(firm.asContact().post(path, unknownTemplate))).containsExactly("templateCode");
    Map<String, Object> negative = ReopeningFixtures.application("RESUME_WORK", null, PLANNED, 1);
    negative.put("supplies", Map.of("masks", -1, "thermometers", 2_000_000, "disinfectantLitres", -3));
    negative.remove("plannedDate");
    assertThat(fields(firm.asContact().post(path, negative))).containsExactlyInAnyOrder("plannedDate",
        "supplies.masks", "supplies.thermometers", "supplies.disinfectantLitres");
    Map<String, Object> noKind = ReopeningFixtures.application("RESUME_WORK", null, PLANNED, 1);
    noKind.remove("kind");
    assertThat(fields(firm.asContact().post(path, noKind))).containsExactly("kind");
    Map<String, Object> spaceship = ReopeningFixtures.application("SPACESHIP", null, PLANNED, 1);
    assertThat(firm.asContact().post(path, spaceship).status()).as("an unknown kind").isEqualTo(400);
    Map<String, Object> badDay = ReopeningFixtures.application("RESUME_WORK", null, PLANNED, 1);
    badDay.put("plannedDate", "2020-13-01");
    assertThat(firm.asContact().post(path, badDay).status()).as("a day that does not exist").isEqualTo(400);

    String id = ReopeningFixtures.draft(firm, "RESUME_WORK", null, PLANNED, 1);
    Api.Answer notAPhoto = firm.asContact().upload(path + "/" + id + "/checklist/MECHANISM/photos", "p.png",
        ReopeningFixtures.PDF);
    assertThat(fields(notAPhoto)).containsExactly("file");
    Api.Answer noOutcome = firm.asContact().put(path + "/" + id + "/checklist/MECHANISM", Map.of("note", "x"));
    assertThat(noOutcome.status()).as(noOutcome.body()).isEqualTo(400);
    assertThat(firm.asContact().put(path + "/" + id + "/checklist/NO_SUCH_ITEM", Map.of("outcome", "PASS")).status())
        .isIn(400, 404);
  }

  private static List<String> fields(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    List<String> fields = new java.util.ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }
}
