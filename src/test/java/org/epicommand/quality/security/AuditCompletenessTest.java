package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quality.security.Probes.encode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every read of a full personal record leaves exactly one READ event naming the reader and the
 * record, whether through the API or a page; lists and searches leave none per person; an export
 * leaves exactly one EXPORT event (docs/architecture.md, "Personal data": audited in the same transaction).
 */
@EpiCommandTest
class AuditCompletenessTest {

  static final String PASSWORD = "Secret12345";

  @Autowired
  Api api;

  /** A person of the demo community with its searchable name, id tail and phone. */
  record Registered(String id, String name, String idNumber, String phone) {}

  private Registered register() {
    String name = Probes.uniqueName("审计");
    String idNumber = Probes.uniqueIdNumber();
    String phone = Probes.uniquePhone();
    String id = Probes.register(api, "cdc", Probes.person(name, idNumber, phone, "湖东路7号", Probes.OWN_COMMUNITY))
        .get("id").asString();
    return new Registered(id, name, idNumber, phone);
  }

  @Test
  void readingARecordThroughTheApiLeavesExactlyOneReadEventForTheReader() {
    Registered person = register();
    assertThat(reads(person.id())).as("registering is not a read").isEmpty();

    assertThat(api.as("commander").get("/api/v1/persons/" + person.id()).status()).isEqualTo(200);
    List<JsonNode> reads = reads(person.id());
    assertThat(reads).hasSize(1);
    assertThat(reads.get(0).get("username").asString()).isEqualTo("commander");
    assertThat(reads.get(0).get("subjectType").asString()).isEqualTo("PERSON");
    assertThat(reads.get(0).get("subjectId").asString()).isEqualTo(person.id());

    api.as("community").get("/api/v1/persons/" + person.id());
    assertThat(reads(person.id())).extracting(e -> e.get("username").asString()).containsExactly("community",
        "commander");
  }

  @Test
  void readingARecordOnItsPageOrItsEditFormLeavesExactlyOneReadEventEach() {
    Registered person = register();
    WebSession district = WebSession.login(api, "district");
    WebSession.Page detail = district.get("/persons/" + person.id());
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains(person.name());
    assertThat(reads(person.id())).extracting(e -> e.get("username").asString()).containsExactly("district");

    assertThat(district.get("/persons/" + person.id() + "/edit").status()).isEqualTo(200);
    assertThat(reads(person.id())).extracting(e -> e.get("username").asString())
        .containsExactly("district", "district");
    assertThat(reads(person.id())).allMatch(e -> e.get("subjectId").asString().equals(person.id()));
  }

  @Test
  void listsSearchesAndHouseholdsLeaveNoReadEventPerPerson() {
    Registered person = register();
    WebSession commander = WebSession.login(api, "commander");
    for (String term : List.of(person.name(), person.idNumber().substring(12), person.phone())) {
      JsonNode found = api.as("commander").get("/api/v1/persons?q=" + encode(term)).json().get("items");
      assertThat(found.valueStream().map(p -> p.get("id").asString())).as("search " + term).contains(person.id());
      assertThat(commander.get("/persons?q=" + encode(term)).body()).contains(person.name());
    }
    JsonNode community = api.as("community").get("/api/v1/persons?size=500&jurisdiction=" + Probes.OWN_COMMUNITY)
        .json().get("items");
    assertThat(community.size()).isGreaterThan(1);
    assertThat(api.as("commander").get("/api/v1/persons/" + person.id() + "/household").status()).isEqualTo(200);
    assertThat(reads(person.id())).isEmpty();
  }

  @Test
  void aReadThatAnswers404LeavesNoEvent() {
    String outside = Probes.register(api, "cdc", Probes.person(Probes.uniqueName("界外"), Probes.uniqueIdNumber(),
        Probes.uniquePhone(), "江南路3号", Probes.OTHER_DISTRICT_COMMUNITY)).get("id").asString();
    assertThat(api.as("community").get("/api/v1/persons/" + outside).status()).isEqualTo(404);
    assertThat(reads(outside)).isEmpty();
  }

  @Test
  void anApiExportLeavesExactlyOneExportEventNamingTheSearch() {
    String exporter = newDistrictUser();
    Registered person = register();
    Api.Answer csv = api.as(exporter, PASSWORD).get("/api/v1/persons?q=" + encode(person.name()), "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains(person.name());
    List<JsonNode> exports = exportsBy(exporter);
    assertThat(exports).hasSize(1);
    assertThat(exports.get(0).get("subjectType").asString()).isEqualTo("PERSON");
    assertThat(exports.get(0).get("detail").asString()).contains("q=" + person.name(), "masked");
    assertThat(reads(person.id())).as("an export is not a read of each record").isEmpty();
  }

  @Test
  void aPageExportLeavesExactlyOneExportEvent() {
    String exporter = newDistrictUser();
    WebSession session = WebSession.login(api, exporter, PASSWORD);
    WebSession.Page csv = session.get("/persons/export.csv?q=" + encode("审计"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(exportsBy(exporter)).hasSize(1);
    assertThat(exportsBy(exporter).get(0).get("detail").asString()).contains("q=审计");
  }

  /** A fresh district user, so that its EXPORT events can be counted from zero. */
  private String newDistrictUser() {
    String username = "audit_" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of("DISTRICT_STAFF"), "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(exportsBy(username)).isEmpty();
    return username;
  }

  /** The READ events of a person, newest first. */
  private List<JsonNode> reads(String personId) {
    return Probes.audit(api, "action=READ&subjectId=" + personId).valueStream().toList();
  }

  private List<JsonNode> exportsBy(String username) {
    return Probes.audit(api, "action=EXPORT&username=" + username).valueStream().toList();
  }
}
