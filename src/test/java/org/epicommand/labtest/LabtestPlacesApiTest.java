package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sampling sites and labs kept through the API: create, correct, retire, reactivate, inside the owner's jurisdiction.
 * */
@EpiCommandTest
class LabtestPlacesApiTest {

  static final String SITES = "/api/v1/labtest/sampling-sites";
  static final String LABS = "/api/v1/labtest/labs";
  static final String COMMUNITY = DemoPlaces.NEIGHBOUR;
  static final String PASSWORD = "Places12345";

  @Autowired
  Api api;

  /** A code that sorts after the demo's ("S990…"), so tests that take the first site keep the demo's. */
  static String code(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  /** A commander of another district (990102): manages labs and sites there only. */
  private String districtCommander() {
    String username = "labadmin_" + UUID.randomUUID().toString().substring(0, 6);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of("COMMANDER"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return username;
  }

  @Test
  void aSiteIsCreatedCorrectedRetiredAndTakenBackIntoService() {
    String code = code("XS");
    Api.Answer created = api.as("commander").post(SITES, """
        {"code": "%s", "name": "  湖滨广场采样点 ", "jurisdictionCode": "%s", "address": "湖滨路 1 号",
         "contactName": "王芳", "contactPhone": "0571-87001234", "capacityPerDay": 2400, "samplers": 6,
         "openingHours": "07:00-19:00", "latitude": 30.25, "longitude": 120.1666}""".formatted(code, COMMUNITY));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode site = created.json();
    assertThat(site.get("code").asString()).isEqualTo(code);
    assertThat(site.get("name").asString()).isEqualTo("湖滨广场采样点");
    String communityName = api.as("commander").get("/api/v1/jurisdictions/" + COMMUNITY).json().get("name").asString();
    assertThat(site.get("jurisdictionName").asString()).isEqualTo(communityName);
    assertThat(site.get("capacityPerDay").asInt()).isEqualTo(2400);
    assertThat(site.get("samplers").asInt()).isEqualTo(6);
    assertThat(site.get("latitude").decimalValue()).isEqualByComparingTo("30.25");
    assertThat(site.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(api.as("lab").get(SITES + "/" + code).json().get("contactPhone").asString()).isEqualTo("0571-87001234");

    Api.Answer duplicate = api.as("admin").post(SITES, Map.of("code", code, "name", "重复", "jurisdictionCode",
        COMMUNITY));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("existingId").asString()).isEqualTo(code);

    Api.Answer corrected = api.as("admin").put(SITES + "/" + code, Map.of("code", "IGNORED", "name", "湖滨广场采样点（东）",
        "jurisdictionCode", COMMUNITY, "capacityPerDay", 3000));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("code").asString()).isEqualTo(code);
    assertThat(corrected.json().get("capacityPerDay").asInt()).isEqualTo(3000);
    assertThat(corrected.json().get("samplers").isNull()).as("a correction says everything").isTrue();
    Api.Answer bad = api.as("admin").put(SITES + "/" + code, Map.of("name", " ", "jurisdictionCode", "999999",
        "capacityPerDay", -1, "latitude", 91, "longitude", 120, "contactPhone", "call me"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("name", "jurisdictionCode", "capacityPerDay", "latitude",
        "contactPhone");
    assertThat(fields(api.as("admin").post(SITES, Map.of("code", "a b", "name", "x", "jurisdictionCode", COMMUNITY,
        "latitude", 30)))).containsExactlyInAnyOrder("code", "longitude");
    assertThat(api.as("admin").post(SITES, "{\"code\": \"XQ1\", \"capacityPerDay\": \"many\"}").status())
        .isEqualTo(400);

    String list = SITES + "?jurisdiction=" + COMMUNITY + "&size=500&active=";
    assertThat(codes(api.as("district").get(list + "true"))).contains(code);
    Api.Answer retired = api.as("commander").post(SITES + "/" + code + "/retire", Map.of());
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
    assertThat(retired.json().get("retiredAt").asString()).endsWith("+08:00");
    Api.Answer again = api.as("commander").post(SITES + "/" + code + "/retire", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(again.json().get("detail").asString()).isEqualTo("该采样点已停用");
    assertThat(codes(api.as("district").get(list + "true"))).doesNotContain(code);
    assertThat(codes(api.as("district").get(list + "false"))).contains(code);
    assertThat(api.as("district").get(SITES + "/" + code).json().get("status").asString()).isEqualTo("RETIRED");
    assertThat(api.as("commander").post(SITES + "/" + code + "/reactivate", Map.of()).json().get("status").asString())
        .isEqualTo("ACTIVE");
    assertThat(api.as("commander").post(SITES + "/" + code + "/reactivate", Map.of()).json().get("currentState")
        .asString()).isEqualTo("ACTIVE");

    JsonNode audit = api.as("auditor").get("/api/v1/audit?subjectId=" + code + "&size=50").json().get("items");
    assertThat(audit.valueStream().map(e -> e.get("action").asString() + " " + e.get("subjectType").asString()))
        .contains("CREATE SAMPLING_SITE", "UPDATE SAMPLING_SITE").hasSize(4);
  }

  @Test
  void outsideTheOwnersJurisdictionARecordDoesNotExistAndCannotBePlaced() {
    String code = code("XO");
    assertThat(api.as("commander").post(SITES, Map.of("code", code, "name", "东湖采样点", "jurisdictionCode",
        COMMUNITY)).status()).isEqualTo(201);
    String other = districtCommander();
    Api.Caller outsider = api.as(other, PASSWORD);
    assertThat(outsider.get(SITES + "/" + code).status()).isEqualTo(404);
    assertThat(outsider.put(SITES + "/" + code, Map.of("name", "改名", "jurisdictionCode", DemoPlaces.OTHER_DISTRICT))
        .status())
        .isEqualTo(404);
    assertThat(outsider.post(SITES + "/" + code + "/retire", Map.of()).status()).isEqualTo(404);
    assertThat(outsider.get(SITES + "?jurisdiction=990101").status()).isEqualTo(404);
    assertThat(codes(outsider.get(SITES + "?size=500"))).doesNotContain(code);
    Api.Answer placed = outsider.post(SITES, Map.of("code", code("XO"), "name", "越界采样点", "jurisdictionCode",
        COMMUNITY));
    assertThat(placed.status()).isEqualTo(400);
    assertThat(fields(placed)).containsExactly("jurisdictionCode");
    assertThat(placed.json().get("errors").get(0).get("message").asString()).isEqualTo("该区划不在您的辖区内");
    assertThat(api.as("commander").get(SITES + "/" + code).json().get("name").asString()).isEqualTo("东湖采样点");

    // readers read, only LAB_ADMIN writes; the administrator keeps them without reading personal data
    assertThat(api.as("lab").get(SITES + "/" + code).status()).isEqualTo(200);
    assertThat(api.as("lab").post(SITES, Map.of("code", code("XO"), "name", "x", "jurisdictionCode", COMMUNITY))
        .status()).isEqualTo(403);
    assertThat(api.as("district").post(SITES + "/" + code + "/retire", Map.of()).status()).isEqualTo(403);
    assertThat(api.as("site").get(SITES).status()).isEqualTo(403);
    assertThat(api.as("admin").get(LABS + "/LAB01").json().get("capacityPerDay").asInt()).isEqualTo(200_000);
  }

  @Test
  void aLabNeedsItsCapacityAndKeepsItsFlags() {
    String code = code("XL");
    Api.Answer missing = api.as("admin").post(LABS, Map.of("code", code, "name", "气膜实验室", "jurisdictionCode",
        DemoPlaces.DISTRICT));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fields(missing)).containsExactly("capacityPerDay");
    Api.Answer created = api.as("admin").post(LABS, Map.of("code", code, "name", "气膜实验室", "jurisdictionCode",
        DemoPlaces.DISTRICT, "capacityPerDay", 30_000, "mobile", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("mobile").asBoolean()).isTrue();
    assertThat(created.json().get("reserve").asBoolean()).isFalse();
    assertThat(codes(api.as("commander").get(LABS + "?jurisdiction=990101&active=true&size=500"))).contains(code)
        .doesNotContain("LAB01");
    assertThat(codes(api.as("commander").get(LABS + "?q=" + code))).containsExactly(code);
    Api.Answer duplicate = api.as("admin").post(LABS, Map.of("code", "LAB01", "name", "另一个", "jurisdictionCode",
        DemoPlaces.CITY, "capacityPerDay", 1));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("existingId").asString()).isEqualTo("LAB01");
    assertThat(api.as("admin").post(LABS + "/NOSUCHLAB/retire", Map.of()).status()).isEqualTo(404);
  }

  static List<String> codes(Api.Answer page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items").valueStream().map(i -> i.get("code").asString()).toList();
  }
}
