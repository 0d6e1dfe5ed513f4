package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.OTHER_DISTRICT_COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Contacts through HTTP: the window check, secondary contacts by rule set, control via quarantine, scope. */
@EpiCommandTest
class ContactApiTest {

  @Autowired
  Api api;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  private Api.Answer contact(String caseId, String personId, String category, String lastExposure) {
    return api.as("cdc").post("/api/v1/cases/" + caseId + "/contacts", body("personId", personId, "category",
        category, "contactType", "MEAL", "lastExposureDate", lastExposure));
  }

  @Test
  void aCloseContactLastExposedBeforeTheWindowIsRefusedNamingTheWindow() {
    // V9 (in force from 2022-06-28): look back 4 days before onset
    String caseId = CaseFixtures.caseOf(api, "窗口病例", COMMUNITY, "CONFIRMED", "2022-07-10");
    String early = CaseFixtures.person(api, "窗口外甲", COMMUNITY);
    Api.Answer refused = contact(caseId, early, "CLOSE", "2022-07-05");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("lastExposureDate");
    assertThat(error.get("message").asString()).contains("2022-07-06").contains("2022-07-10").contains("V9");

    Api.Answer english = api.as("cdc").header("Accept-Language", "en").post("/api/v1/cases/" + caseId + "/contacts",
        body("personId", early, "category", "CLOSE", "contactType", "MEAL", "lastExposureDate", "2022-07-05"));
    assertThat(english.json().get("errors").get(0).get("message").asString())
        .startsWith("The last exposure is before the look-back window: the window starts on 2022-07-06");

    Api.Answer accepted = contact(caseId, early, "CLOSE", "2022-07-06");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    assertThat(accepted.json().get("category").asString()).isEqualTo("CLOSE");
    assertThat(accepted.json().get("trackingState").asString()).isEqualTo("IDENTIFIED");
    assertThat(accepted.json().get("id").asString()).isNotBlank();
    // a general contact is not held to the window
    String general = CaseFixtures.person(api, "一般接触乙", COMMUNITY);
    assertThat(contact(caseId, general, "GENERAL", "2022-07-01").status()).isEqualTo(201);

    Api.Answer again = contact(caseId, early, "CLOSE", "2022-07-07");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(accepted.json().get("id").asString());

    Investigation window = Api.JSON.convertValue(api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation")
        .json(), Investigation.class);
    assertThat(window.windowStart()).isEqualTo(LocalDate.parse("2022-07-06"));
    assertThat(window.lookBackDays()).isEqualTo(4);
  }

  @Test
  void beforeTheEarliestEditionTheWindowIsUnknownAndACloseContactIsRefusedNamingTheEdition() {
    String caseId = CaseFixtures.caseOf(api, "早期病例", COMMUNITY, "CONFIRMED", "2020-02-01");
    Api.Answer investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation");
    assertThat(investigation.status()).as(investigation.body()).isEqualTo(200);
    assertThat(investigation.json().get("windowStart").isNull()).isTrue();
    Api.Answer refused = contact(caseId, CaseFixtures.person(api, "早期密接", COMMUNITY), "CLOSE", "2020-01-31");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("lastExposureDate");
    assertThat(error.get("message").asString()).contains("2020-02-01", "V8", "2021-05-11");
    Api.Answer secondary = contact(caseId, CaseFixtures.person(api, "早期次密接", COMMUNITY), "SECONDARY", "2020-01-31");
    assertThat(secondary.status()).isEqualTo(400);
    assertThat(secondary.json().get("errors").findValuesAsString("message").toString()).contains("V8", "2021-05-11");
  }

  @Test
  void secondaryContactsAreRefusedUnderTwentyMeasuresAndLinkedToTheirCloseContactUnderV9() {
    String later = CaseFixtures.caseOf(api, "二十条病例", COMMUNITY, "CONFIRMED", "2022-11-20");
    String close = contact(later, CaseFixtures.person(api, "二十条密接", COMMUNITY), "CLOSE", "2022-11-19")
        .json().get("id").asString();
    Api.Answer refused = api.as("cdc").post("/api/v1/cases/" + later + "/contacts", body("personId",
        CaseFixtures.person(api, "二十条次密接", COMMUNITY), "category", "SECONDARY", "contactType", "HOUSEHOLD",
        "lastExposureDate", "2022-11-20", "sourceContactId", close));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
    assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("TWENTY_MEASURES");

    String earlier = CaseFixtures.caseOf(api, "九版病例", COMMUNITY, "CONFIRMED", "2022-08-10");
    String closeV9 = contact(earlier, CaseFixtures.person(api, "九版密接", COMMUNITY), "CLOSE", "2022-08-09")
        .json().get("id").asString();
    String secondaryPerson = CaseFixtures.person(api, "九版次密接", COMMUNITY);
    Api.Answer unlinked = contact(earlier, secondaryPerson, "SECONDARY", "2022-08-10");
    assertThat(unlinked.status()).isEqualTo(400);
    assertThat(unlinked.json().get("errors").get(0).get("field").asString()).isEqualTo("sourceContactId");
    Api.Answer linked = api.as("cdc").post("/api/v1/cases/" + earlier + "/contacts", body("personId",
        secondaryPerson, "category", "SECONDARY", "contactType", "HOUSEHOLD", "lastExposureDate", "2022-08-10",
        "sourceContactId", closeV9));
    assertThat(linked.status()).as(linked.body()).isEqualTo(201);
    assertThat(linked.json().get("sourceContactId").asString()).isEqualTo(closeV9);
  }

  @Test
  void aCloseContactOpensAQuarantineOrderAndComesUnderControl() {
    String caseId = CaseFixtures.caseOf(api, "管控病例", COMMUNITY, "CONFIRMED", today().minusDays(1).toString());
    String personId = CaseFixtures.person(api, "管控密接", COMMUNITY);
    String contactId = contact(caseId, personId, "CLOSE", today().minusDays(1).toString()).json().get("id").asString();
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.as("community")
        .get("/api/v1/contacts/" + contactId).json().get("trackingState").asString()).isEqualTo("UNDER_CONTROL"));
    JsonNode contact = api.as("community").get("/api/v1/contacts/" + contactId).json();
    String orderId = contact.get("orderId").asString();
    JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + orderId).json();
    assertThat(order.get("personId").asString()).isEqualTo(personId);
    assertThat(order.get("reason").asString()).isEqualTo("CLOSE_CONTACT");
    assertThat(order.get("anchorDate").asString()).isEqualTo(today().minusDays(1).toString());
    assertThat(contact.get("underControlAt").isNull()).isFalse();
    // under control minutes after the case report: counted in time for the 24 h KPI of 东湖区 (990101)
    JsonNode kpi = api.as("commander").get("/api/v1/contacts/kpi/under-control").json();
    JsonNode district = null;
    for (JsonNode row : kpi) {
      if (row.get("districtCode").asString().equals(DemoPlaces.DISTRICT)) {
        district = row;
      }
    }
    assertThat(district).isNotNull();
    assertThat(district.get("underControlInTime").asLong()).isPositive();
    assertThat(district.get("underControlInTime").asLong()).isLessThanOrEqualTo(district.get("contacts").asLong());
    // a community worker's figures are those of their community, under the district it lies in
    JsonNode own = api.as("community").get("/api/v1/contacts/kpi/under-control").json();
    assertThat(own.findValuesAsString("districtCode")).containsExactly(DemoPlaces.DISTRICT);
    assertThat(own.get(0).get("districtName").asString()).isEqualTo(district.get("districtName").asString());
    // a controlled contact cannot be "located" afterwards
    Api.Answer late = api.as("community").post("/api/v1/contacts/" + contactId + "/tracking",
        body("trackingState", "LOCATED"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("currentState").asString()).isEqualTo("UNDER_CONTROL");
  }

  @Test
  void generalContactsAreLocatedByTheCommunityWorkerFromTheirList() {
    String caseId = CaseFixtures.caseOf(api, "一般病例", COMMUNITY, "CONFIRMED", today().minusDays(2).toString());
    String contactId = contact(caseId, CaseFixtures.person(api, "待找一般接触", COMMUNITY), "GENERAL",
        today().minusDays(2).toString()).json().get("id").asString();
    JsonNode toLocate = api.as("community").get("/api/v1/contacts/to-locate?size=500").json().get("items");
    assertThat(toLocate.findValuesAsString("id")).contains(contactId);
    Api.Answer located = api.as("community").post("/api/v1/contacts/" + contactId + "/tracking",
        body("trackingState", "LOCATED", "note", "电话联系上"));
    assertThat(located.status()).as(located.body()).isEqualTo(200);
    assertThat(located.json().get("trackingState").asString()).isEqualTo("LOCATED");
    assertThat(api.as("community").get("/api/v1/contacts/to-locate?size=500").json().get("items")
        .findValuesAsString("id")).doesNotContain(contactId);
    assertThat(api.as("cdc").get("/api/v1/cases/" + caseId + "/contacts").json().get("items")
        .findValuesAsString("id")).containsExactly(contactId);
    assertThat(api.as("district").get("/api/v1/contacts/" + contactId).json().get("note").asString())
        .isEqualTo("电话联系上");
    assertThat(jdbc.sql("select username from audit_event where subject_type = 'CONTACT' and subject_id = :id"
        + " and action = 'READ'").param("id", contactId).query(String.class).list()).containsExactly("district");
  }

  @Test
  void contactsAndInvestigationsOutsideTheJurisdictionDoNotExist() {
    String caseId = CaseFixtures.caseOf(api, "外区病例", OTHER_DISTRICT_COMMUNITY, "CONFIRMED",
        today().minusDays(1).toString());
    String contactId = contact(caseId, CaseFixtures.person(api, "外区接触", OTHER_DISTRICT_COMMUNITY), "GENERAL",
        today().minusDays(1).toString()).json().get("id").asString();
    assertThat(api.as("district").get("/api/v1/cases/" + caseId + "/investigation").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/cases/" + caseId + "/contacts").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/contacts/" + contactId).status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/contacts/" + contactId + "/tracking",
        body("trackingState", "LOCATED")).status()).isEqualTo(404);
    String investigationId = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id")
        .asString();
    assertThat(api.as("district").get("/api/v1/investigations/" + investigationId).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/contacts?size=500").json().get("items").findValuesAsString("id"))
        .doesNotContain(contactId);
  }
}
