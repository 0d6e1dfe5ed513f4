package org.epicommand.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
public class PersonApiTest {

  static final String COMMUNITY = DemoPlaces.COMMUNITY;
  static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void everyIdVectorBehavesAsLabelledThroughTheApi() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("gb11643/id_test_vectors.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", 3);
      Api.Answer first = api.as("cdc").post("/api/v1/persons", People.body("向量" + cells[0].substring(14), cells[0],
          COMMUNITY));
      if (cells[1].equals("valid")) {
        assertThat(first.status()).as(cells[0]).isIn(201, 409);
        Api.Answer second = api.as("cdc").post("/api/v1/persons", People.body("向量", cells[0], COMMUNITY));
        assertThat(second.status()).as(cells[0]).isEqualTo(409);
        assertThat(second.json().get("existingId").asString()).isNotBlank();
      } else {
        assertThat(first.status()).as(cells[0]).isEqualTo(400);
        assertThat(first.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
      }
    }
  }

  @Test
  void registersAResidentWithSexAndBirthDateDerivedAndTheDuplicateIsAConflict() {
    String idNumber = People.validId("110105", "19800315", 123);
    Api.Answer created = api.as("community").post("/api/v1/persons", People.body("张三", idNumber.toLowerCase(),
        COMMUNITY));
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("sex").asString()).isEqualTo("MALE");
    assertThat(body.get("birthDate").asString()).isEqualTo("1980-03-15");
    assertThat(body.get("idNumber").asString()).isEqualTo(idNumber);
    assertThat(body.get("householdId").asString()).isNotBlank();
    Api.Answer again = api.as("community").post("/api/v1/persons", People.body("张三", idNumber, COMMUNITY));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(body.get("id").asString());
  }

  @Test
  void givenSexOrBirthDateThatContradictTheIdNumberAre400() {
    Map<String, Object> body = People.body("李四", People.validId("110105", "19800316", 124), COMMUNITY);
    body.put("sex", "MALE");
    body.put("birthDate", "1980-03-17");
    Api.Answer answer = api.as("community").post("/api/v1/persons", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"sex\"").contains("\"field\":\"birthDate\"").contains("1980-03-16");
    Map<String, Object> badPhone = People.body("李四", People.validId("110105", "19800316", 126), COMMUNITY);
    badPhone.put("phone", "12345");
    assertThat(api.as("community").post("/api/v1/persons", badPhone).body()).contains("\"field\":\"phone\"");
  }

  @Test
  void aJurisdictionOutsideTheCallersScopeIsForbidden() {
    Api.Answer answer = api.as("community").post("/api/v1/persons",
        People.body("王五", People.validId("110105", "19900101", 125), OTHER_DISTRICT_COMMUNITY));
    assertThat(answer.status()).isEqualTo(403);
  }

  @Test
  void aPersonOutsideTheJurisdictionDoesNotExistForTheCaller() {
    String id = api.as("cdc").post("/api/v1/persons", People.body("界外赵六", People.validId("110105", "19900202", 127),
        OTHER_DISTRICT_COMMUNITY)).json().get("id").asString();
    Api.Answer outside = api.as("community").get("/api/v1/persons/" + id);
    assertThat(outside.status()).isEqualTo(404);
    assertThat(outside.body()).doesNotContain("界外赵六");
    assertThat(api.as("district").get("/api/v1/persons/" + id).status()).isEqualTo(404);
    assertThat(api.as("commander").get("/api/v1/persons/" + id).status()).isEqualTo(200);
    assertThat(api.as("community").get("/api/v1/persons?q=界外赵六").json().get("items").size()).isZero();
    assertThat(api.as("community").get("/api/v1/persons?jurisdiction=990102").status()).isEqualTo(404);
    assertThat(api.as("lab").get("/api/v1/persons/" + id).status()).isEqualTo(403);
  }

  @Test
  void readingAFullRecordIsAudited() {
    String id = api.as("cdc").post("/api/v1/persons", People.body("孙七", People.validId("110105", "19900303", 129),
        COMMUNITY))
        .json().get("id").asString();
    api.as("community").get("/api/v1/persons/" + id);
    JsonNode events = api.as("auditor").get("/api/v1/audit?subjectId=" + id).json().get("items");
    assertThat(events.valueStream().map(e -> e.get("action").asString() + ":" + e.get("username").asString()))
        .contains("CREATE:cdc", "READ:community");
  }

  @Test
  void listsAreMaskedForTheCommunityWorkerAndFullForTheCommander() {
    String idNumber = People.validId("110105", "19850505", 131);
    api.as("cdc").post("/api/v1/persons", People.body("周八", idNumber, COMMUNITY));
    JsonNode masked = api.as("community").get("/api/v1/persons?q=周八").json().get("items").get(0);
    assertThat(masked.get("idNumber").asString()).isEqualTo(idNumber.substring(0, 4) + "**********"
        + idNumber.substring(14));
    assertThat(masked.get("phone").asString()).isEqualTo("139****5678");
    JsonNode full = api.as("commander").get("/api/v1/persons?q=周八").json().get("items").get(0);
    assertThat(full.get("idNumber").asString()).isEqualTo(idNumber);
    assertThat(full.get("phone").asString()).isEqualTo("13912345678");
  }

  @Test
  void searchFindsByNamePrefixIdTailAndPhoneInsideTheScope() {
    String idNumber = People.validId("110105", "19700707", 133);
    Map<String, Object> body = People.body("欧阳测试", idNumber, COMMUNITY);
    body.put("phone", "13700001111");
    api.as("cdc").post("/api/v1/persons", body);
    assertThat(names(api.as("district").get("/api/v1/persons?q=欧阳").json())).contains("欧阳测试");
    assertThat(names(api.as("district").get("/api/v1/persons?q=" + idNumber.substring(12)).json())).contains("欧阳测试");
    assertThat(names(api.as("district").get("/api/v1/persons?q=13700001111").json())).contains("欧阳测试");
    JsonNode page = api.as("district").get("/api/v1/persons?size=5").json();
    assertThat(page.get("items").size()).isEqualTo(5);
    assertThat(page.get("hasMore").asBoolean()).isTrue();
    page.get("items").forEach(p -> assertThat(p.get("jurisdictionCode").asString()).startsWith(DemoPlaces.DISTRICT));
    assertThat(api.as("district").get("/api/v1/persons?q=" + java.net.URLEncoder.encode("%' or 1=1 --",
        java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);
  }

  @Test
  void theCsvExportIsMaskedEscapesFormulasAndIsAudited() {
    String idNumber = People.validId("110105", "19660606", 135);
    Map<String, Object> body = People.body("=HYPERLINK(\"x\")", idNumber, COMMUNITY);
    api.as("cdc").post("/api/v1/persons", body);
    assertThat(api.as("commander").get("/api/v1/persons?q=%3DHYPER", "text/csv").body()).contains(idNumber)
        .contains("13912345678");
    Api.Answer csv = api.as("community").get("/api/v1/persons?q=%3DHYPER", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFname,idType,idNumber");
    assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("1101**********").contains("139****5678");
    JsonNode exports = api.as("auditor").get("/api/v1/audit?action=EXPORT&username=community").json().get("items");
    assertThat(exports.size()).isGreaterThanOrEqualTo(1);
    assertThat(exports.get(0).get("detail").asString()).contains("masked");
  }

  @Test
  void theDemoPopulationHasValidUniqueIdsSpreadOverTheCommunities() {
    long persons = jdbc.sql("select count(*) from person where jurisdiction_path like '/990100/%'").query(Long.class)
        .single();
    assertThat(persons).isGreaterThanOrEqualTo(3000);
    long distinct = jdbc.sql("select count(distinct id_number) from person").query(Long.class).single();
    assertThat(distinct).isEqualTo(jdbc.sql("select count(*) from person").query(Long.class).single());
    List<String> sample = jdbc.sql(
        "select id_number from person where source_import_id is null and id_type = 'RESIDENT_ID' limit 500")
        .query(String.class).list();
    sample.forEach(id -> assertThat(ResidentIdNumber.parse(id, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))
        .problem()).as(id).isEmpty());
    long households = jdbc.sql("select count(distinct household_id) from person").query(Long.class).single();
    assertThat(households).isBetween(persons / 5, persons / 2);
  }

  private static List<String> names(JsonNode page) {
    return page.get("items").valueStream().map(p -> p.get("name").asString()).toList();
  }
}
