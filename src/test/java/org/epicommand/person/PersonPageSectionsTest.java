package org.epicommand.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The person page's sections read inside the caller's jurisdiction and are audited; the picker finds
 * only persons the caller may see; the flows started from the person page arrive pre-filled.
 */
@EpiCommandTest
class PersonPageSectionsTest {

  static final List<String> SECTIONS = List.of("/cases/person-section", "/tracing/person-section",
      "/quarantine/person-section", "/labtest/person-section", "/movement/person-section");

  @Autowired
  Api api;

  @Test
  void eachSectionShowsThePersonsRecordsAndAuditsTheRead() {
    String name = "分栏" + System.nanoTime() % 1_000_000;
    String caseId = CaseFixtures.caseOf(api, name, CaseFixtures.COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String personId = api.as("cdc").get("/api/v1/cases/" + caseId).json().get("personId").asString();
    String orderId = QuarantineFixtures.open(api, QuarantineFixtures.person(api, name + "管", CaseFixtures.COMMUNITY),
        "CLOSE_CONTACT", QuarantineFixtures.today(), "TEN_MEASURES").get("id").asString();

    String cases = page(api.as("commander"), "/cases/person-section?personId=" + personId);
    assertThat(cases).contains("data-testid=\"section-cases\"").contains("/cases/" + caseId);
    String orderPerson = api.as("commander").get("/api/v1/quarantine/orders/" + orderId).json().get("personId")
        .asString();
    assertThat(page(api.as("commander"), "/quarantine/person-section?personId=" + orderPerson))
        .contains("/quarantine/orders/" + orderId).contains("待检");
    for (String section : SECTIONS) {
      assertThat(page(api.as("commander"), section + "?personId=" + personId)).as(section).doesNotContain("??");
      assertThat(page(api.as("commander"), section + "?personId=" + personId + "&lang=en")).as(section)
          .doesNotContain("??");
    }
    assertThat(page(api.as("commander"), "/persons/" + personId + "?lang=en")).doesNotContain("??")
        .contains("Report a case");
    for (String form : List.of("/cases/new?personId=" + personId,
        "/tracing/contacts/new?personId=" + personId, "/quarantine/orders/new?personId=" + personId,
        "/tracing/cases/" + caseId + "/contacts")) {
      assertThat(page(api.as("commander"), form + (form.contains("?") ? "&" : "?") + "lang=en")).as(form)
          .doesNotContain("??").contains("Change");
    }
    JsonNode events = api.as("auditor").get("/api/v1/audit?subjectId=" + caseId + "&size=100").json().get("items");
    assertThat(events.valueStream().map(e -> e.get("action").asString() + ":" + e.get("username").asString()
        + ":" + e.get("detail").asString())).contains("READ:commander:person page");
    JsonNode contactReads = api.as("auditor").get("/api/v1/audit?subjectId=" + personId + "&size=100").json()
        .get("items");
    assertThat(contactReads.valueStream().map(e -> e.get("subjectType").asString() + ":" + e.get("action").asString()))
        .contains("CONTACT:READ", "TUBE:READ");
  }

  @Test
  void outsideTheJurisdictionSectionsAndThePickerShowNothing() {
    String name = "界外分栏" + System.nanoTime() % 1_000_000;
    String caseId = CaseFixtures.caseOf(api, name, CaseFixtures.OTHER_DISTRICT_COMMUNITY, "CONFIRMED", null);
    String personId = api.as("cdc").get("/api/v1/cases/" + caseId).json().get("personId").asString();
    // the district worker of 东湖区 sees nothing of a person of another district
    assertThat(page(api.as("district"), "/cases/person-section?personId=" + personId)).doesNotContain(caseId)
        .contains("没有病例记录");
    String q = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(api.as("district").get("/persons/picker?q=" + q).json().get("items")).isEmpty();
    JsonNode hits = api.as("commander").get("/persons/picker?q=" + q).json().get("items");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("jurisdictionName").asString()).isNotBlank();
    assertThat(api.as("district").get("/cases/picker?q=" + q).json().get("items")).isEmpty();
    assertThat(api.as("commander").get("/cases/picker?q=" + q).json().get("items").get(0).get("id").asString())
        .isEqualTo(caseId);
    assertThat(api.as("district").get("/persons/" + personId, "text/html").status()).isEqualTo(404);
  }

  @Test
  void theArrivalFormFromThePersonPageIsFilledInWithThePerson() {
    String name = "抵达预填" + System.nanoTime() % 1_000_000;
    String personId = CaseFixtures.person(api, name, CaseFixtures.COMMUNITY, "预填路1号");
    String form = page(api.as("district"), "/movement/arrivals/new?personId=" + personId);
    assertThat(form).contains("value=\"" + name + "\"").contains("value=\"预填路1号\"");
    String person = page(api.as("district"), "/persons/" + personId);
    // each action only for who may take it: the district worker registers arrivals and opens orders, the
    // investigator reports cases
    assertThat(person).contains("/movement/arrivals/new?personId=" + personId)
        .contains("/quarantine/orders/new?personId=" + personId).doesNotContain("/cases/new?personId=");
    assertThat(page(api.as("cdc"), "/persons/" + personId)).contains("/cases/new?personId=" + personId)
        .contains("/tracing/contacts/new?personId=" + personId);
    // the case report form names the person by name, not by id
    assertThat(page(api.as("cdc"), "/cases/new?personId=" + personId)).contains(name)
        .contains("data-testid=\"picker-chosen\"");
  }

  private static String page(Api.Caller caller, String path) {
    Api.Answer answer = caller.get(path, "text/html");
    assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
    return answer.body();
  }
}
