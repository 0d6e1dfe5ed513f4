package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quality.security.Probes.encode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A personal record outside the caller's jurisdiction does not exist for the caller (docs/api.md,
 * "Authentication"): every path it could take — by id, search, list filter, export, household,
 * imports, error texts and counts — answers as if it were not there. The probes are the demo
 * community worker (990101001001) and district staff (990101); the record lives in district 990102.
 * The commander (the city) sees it, which shows each probe would have found it.
 */
@EpiCommandTest
class JurisdictionIsolationTest {

  static final List<String> OUTSIDERS = List.of("community", "district");

  @Autowired
  Api api;

  /** A person of the second district, registered by the city's epidemiologist. */
  record Outside(String id, String name, String idNumber, String phone) {}

  private Outside registerInTheSecondDistrict() {
    String name = Probes.uniqueName("界外");
    String idNumber = Probes.uniqueIdNumber();
    String phone = Probes.uniquePhone();
    JsonNode person = Probes.register(api, "cdc",
        Probes.person(name, idNumber, phone, "江南路9号", Probes.OTHER_DISTRICT_COMMUNITY));
    return new Outside(person.get("id").asString(), name, idNumber, phone);
  }

  @Test
  void readingUpdatingOrOpeningTheHouseholdOfAnOutsideRecordAnswers404WithoutAHint() {
    Outside person = registerInTheSecondDistrict();
    for (String caller : OUTSIDERS) {
      for (Api.Answer answer : List.of(api.as(caller).get("/api/v1/persons/" + person.id()),
          api.as(caller).put("/api/v1/persons/" + person.id(),
              Probes.person("改名", person.idNumber(), person.phone(), "x", Probes.OWN_COMMUNITY)),
          api.as(caller).get("/api/v1/persons/" + person.id() + "/household"))) {
        assertThat(answer.status()).as(caller + ": " + answer.body()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain(person.name(), person.idNumber(), person.phone());
      }
    }
    Api.Answer commander = api.as("commander").get("/api/v1/persons/" + person.id());
    assertThat(commander.status()).isEqualTo(200);
    assertThat(commander.json().get("name").asString()).isEqualTo(person.name());
  }

  @Test
  void searchingByNameIdTailOrPhoneDoesNotListTheOutsideRecord() {
    Outside person = registerInTheSecondDistrict();
    List<String> terms = List.of(person.name(), person.idNumber().substring(12), person.phone());
    for (String term : terms) {
      for (String caller : OUTSIDERS) {
        JsonNode page = api.as(caller).get("/api/v1/persons?q=" + encode(term)).json();
        assertThat(ids(page)).as(caller + " searching " + term).doesNotContain(person.id());
        assertThat(page.toString()).doesNotContain(person.name());
      }
      assertThat(ids(api.as("commander").get("/api/v1/persons?q=" + encode(term)).json()))
          .as("the commander searching " + term).contains(person.id());
    }
  }

  @Test
  void narrowingTheListToAnotherDistrictAnswers404AsForAnUnknownCode() {
    Outside person = registerInTheSecondDistrict();
    for (String caller : OUTSIDERS) {
      for (String code : List.of(DemoPlaces.OTHER_DISTRICT, Probes.OTHER_DISTRICT_COMMUNITY)) {
        Api.Answer answer = api.as(caller).get("/api/v1/persons?jurisdiction=" + code);
        assertThat(answer.status()).as(caller + " narrowing to " + code).isEqualTo(404);
        assertThat(answer.body()).doesNotContain(person.name());
        Api.Answer unknown = api.as(caller).get("/api/v1/persons?jurisdiction=990199");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
      }
    }
    JsonNode commander = api.as("commander").get("/api/v1/persons?jurisdiction=990102&q=" + encode(person.name()))
        .json();
    assertThat(ids(commander)).containsExactly(person.id());
  }

  @Test
  void theCsvExportLeavesTheOutsideRecordOut() {
    Outside person = registerInTheSecondDistrict();
    for (String caller : OUTSIDERS) {
      for (String query : List.of("", "?q=" + encode(person.name()))) {
        Api.Answer csv = api.as(caller).get("/api/v1/persons" + query, "text/csv");
        assertThat(csv.status()).as(caller + " exporting " + query).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        // the name is unique to this person; masked documents of other persons may share its 8 characters
        assertThat(csv.body()).startsWith("\uFEFFname,").doesNotContain(person.name(), person.idNumber());
      }
      assertThat(api.as(caller).get("/api/v1/persons?jurisdiction=990102", "text/csv").status()).isEqualTo(404);
    }
    assertThat(api.as("commander").get("/api/v1/persons?q=" + encode(person.name()), "text/csv").body())
        .contains(person.name());
  }

  @Test
  void thePagesTreatTheOutsideRecordTheSame() {
    Outside person = registerInTheSecondDistrict();
    for (String caller : OUTSIDERS) {
      for (String page : List.of("/persons/" + person.id(), "/persons/" + person.id() + "/edit")) {
        Api.Answer answer = api.as(caller).get(page);
        assertThat(answer.status()).as(caller + " " + page).isEqualTo(404);
        assertThat(answer.body()).doesNotContain(person.name(), person.idNumber());
      }
      Api.Answer list = api.as(caller).get("/persons?q=" + encode(person.name()));
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body()).doesNotContain(person.id());
      Api.Answer export = api.as(caller).get("/persons/export.csv?q=" + encode(person.name()));
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.body()).doesNotContain(person.name());
    }
    assertThat(api.as("commander").get("/persons/" + person.id()).body()).contains(person.name());
  }

  @Test
  void anotherUsersImportIsNotFound() {
    String csv = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n"
        + Probes.uniqueName("导入") + ",RESIDENT_ID," + Probes.uniqueIdNumber() + ",,," + Probes.uniquePhone()
        + ",江南路10号," + Probes.OTHER_DISTRICT_COMMUNITY + "\n";
    Api.Answer started = api.as("cdc").upload("/api/v1/imports/persons?wait=true", "outside.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(started.status()).isEqualTo(200);
    String importId = started.json().get("importId").asString();
    assertThat(api.as("cdc").get("/api/v1/imports/" + importId).json().get("rowsImported").asLong()).isEqualTo(1);
    for (String caller : OUTSIDERS) {
      for (String path : List.of("/api/v1/imports/" + importId, "/api/v1/imports/" + importId + "/errors",
          "/imports/" + importId)) {
        Api.Answer answer = api.as(caller).get(path);
        assertThat(answer.status()).as(caller + " " + path).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("outside.csv");
      }
    }
  }

  @Test
  void listTotalsDoNotCountTheOutsideRecord() {
    long community = total("community");
    long district = total("district");
    long city = total("commander");
    registerInTheSecondDistrict();
    assertThat(total("community")).isEqualTo(community);
    assertThat(total("district")).isEqualTo(district);
    assertThat(total("commander")).as("the city's total does move").isEqualTo(city + 1);
  }

  /**
   * One person per document (docs/domain.md §3): registering a document that is already registered
   * elsewhere answers 409 even to a caller who cannot see that person. That much is deliberate —
   * the alternative is a second record of the same person — but the answer carries no
   * {@code existingId} and nothing of the record for a caller outside its jurisdiction.
   */
  @Test
  void aDocumentRegisteredOutsideIsAConflictThatNamesNoRecord() {
    Outside person = registerInTheSecondDistrict();
    for (String caller : OUTSIDERS) {
      Api.Answer again = api.as(caller).post("/api/v1/persons",
          Probes.person("别名", person.idNumber(), Probes.uniquePhone(), "湖东路1号", Probes.OWN_COMMUNITY));
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().has("existingId")).as(caller + ": " + again.body()).isFalse();
      assertThat(again.body()).doesNotContain(person.id(), person.name(), person.phone());
    }
    Api.Answer city = api.as("commander").post("/api/v1/persons",
        Probes.person("别名", person.idNumber(), Probes.uniquePhone(), "湖东路1号", Probes.OWN_COMMUNITY));
    assertThat(city.json().get("existingId").asString()).isEqualTo(person.id());
  }

  /** The total of a search matching every outside record (named 界外…), small enough to be counted. */
  private long total(String caller) {
    JsonNode page = api.as(caller).get("/api/v1/persons?size=1&q=" + Probes.encode("界外")).json();
    assertThat(page.get("total").isNumber()).as(caller + "'s list has a total: " + page).isTrue();
    return page.get("total").asLong();
  }

  private static List<String> ids(JsonNode page) {
    return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
  }
}
