package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class CheckpointApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private String checkpoint() {
    String code = "KK-" + (System.nanoTime() % 1_000_000_000L);
    Api.Answer created = api.as("commander").post("/api/v1/checkpoints",
        Map.of("code", code, "name", "滨江高速收费站卡口", "kind", "TRAFFIC", "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.as("commander").post("/api/v1/checkpoints",
        Map.of("code", code, "name", "重复", "kind", "TRAFFIC", "jurisdictionCode", DemoPlaces.DISTRICT)).status())
            .isEqualTo(409);
    return code;
  }

  @Test
  void aGreenPassLetsItsVehicleThroughOnlyWhileValid() {
    String code = checkpoint();
    JsonNode pass = api.as("commander").post("/api/v1/green-passes", Map.of("plate", "浙A12345", "cargo", "蔬菜",
        "validFrom", TODAY.minusDays(1).toString(), "validTo", TODAY.plusDays(2).toString())).json();
    String number = pass.get("passNumber").asString();
    assertThat(number).startsWith("GC-");
    Api.Answer passage = api.as("community").post("/api/v1/green-passes/" + number + "/passages",
        Map.of("checkpointCode", code));
    assertThat(passage.status()).as(passage.body()).isEqualTo(201);
    assertThat(passage.json().get("plate").asString()).isEqualTo("浙A12345");

    JsonNode expired = api.as("commander").post("/api/v1/green-passes", Map.of("plate", "浙A54321", "cargo", "药品",
        "validFrom", TODAY.minusDays(5).toString(), "validTo", TODAY.minusDays(1).toString())).json();
    assertThat(api.as("community").post("/api/v1/green-passes/" + expired.get("passNumber").asString() + "/passages",
        Map.of("checkpointCode", code)).status()).isEqualTo(409);
    assertThat(api.as("community").post("/api/v1/green-passes/GC-NONE/passages", Map.of("checkpointCode", code))
        .status()).isEqualTo(404);
    assertThat(api.as("commander").post("/api/v1/green-passes", Map.of("plate", "x", "cargo", "",
        "validFrom", TODAY.toString(), "validTo", TODAY.minusDays(1).toString())).json().get("errors")
        .findValuesAsString("field")).contains("plate", "cargo", "validTo");
  }

  @Test
  void anArrivalRegisteredAtACheckpointNamesIt() {
    String code = checkpoint();
    Map<String, Object> body = MovementFixtures.arrival("卡口登记", MovementFixtures.residentId(),
        MovementFixtures.COMMUNITY, TODAY);
    body.put("checkpointCode", code);
    JsonNode arrival = api.as("community").post("/api/v1/arrivals", body).json();
    assertThat(arrival.get("checkpointCode").asString()).isEqualTo(code);
    assertThat(arrival.get("channel").asString()).isEqualTo("CHECKPOINT");
    body.put("checkpointCode", "KK-UNKNOWN");
    body.put("idNumber", MovementFixtures.residentId());
    assertThat(api.as("community").post("/api/v1/arrivals", body).json().get("errors").get(0).get("field").asString())
        .isEqualTo("checkpointCode");
  }

  private String issue(String plate, LocalDate from, LocalDate to) {
    Api.Answer answer = api.as("commander").post("/api/v1/green-passes", Map.of("plate", plate, "cargo", "大米",
        "validFrom", from.toString(), "validTo", to.toString()));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("passNumber").asString();
  }

  private static String plate() {
    return "浙B" + String.format("%05d", System.nanoTime() % 100_000);
  }

  @Test
  void aCheckByPlateOrNumberSaysValidExpiredNotYetValidOrUnknown() {
    String plate = plate();
    String expired = issue(plate, TODAY.minusDays(10), TODAY.minusDays(1));
    JsonNode byPlate = api.as("community").get("/api/v1/green-passes/check?plate=" + plate).json();
    assertThat(byPlate.get("status").asString()).isEqualTo("EXPIRED");
    assertThat(byPlate.get("pass").get("passNumber").asString()).isEqualTo(expired);
    String valid = issue(plate, TODAY, TODAY.plusDays(3));
    // the plate as typed at the roadside: lower case, with a space
    JsonNode now = api.as("community").get("/api/v1/green-passes/check?plate="
        + java.net.URLEncoder.encode(plate.substring(0, 2).toLowerCase() + " " + plate.substring(2),
        java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(now.get("status").asString()).isEqualTo("VALID");
    assertThat(now.get("pass").get("passNumber").asString()).isEqualTo(valid);
    assertThat(api.as("community").get("/api/v1/green-passes/check?passNumber=" + expired).json().get("status")
        .asString()).isEqualTo("EXPIRED");
    String later = issue(plate(), TODAY.plusDays(2), TODAY.plusDays(5));
    assertThat(api.as("community").get("/api/v1/green-passes/check?passNumber=" + later.toLowerCase()).json()
        .get("status").asString()).isEqualTo("NOT_YET_VALID");
    JsonNode unknown = api.as("community").get("/api/v1/green-passes/check?passNumber=GC-20000101-000000").json();
    assertThat(unknown.get("status").asString()).isEqualTo("UNKNOWN");
    assertThat(unknown.get("pass").isNull()).isTrue();
    assertThat(api.as("commander").get("/api/v1/green-passes?limit=200").body()).contains(valid).contains(later);
  }

  @Test
  void badPlatesNumbersAndDatesAre400FieldErrors() {
    Map<String, String> bad = Map.of(
        "/api/v1/green-passes/check?plate=ABC", "plate",
        "/api/v1/green-passes/check?passNumber=12345", "passNumber",
        "/api/v1/green-passes/check", "passNumber",
        "/api/v1/green-passes/check?plate=%E6%B5%99A12345&passNumber=GC-20000101-000000", "plate");
    bad.forEach((path, field) -> {
      Api.Answer answer = api.as("community").get(path);
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    });
    Api.Answer badDate = api.as("commander").post("/api/v1/green-passes", Map.of("plate", "浙A12345", "cargo", "米",
        "validFrom", "2022-13-45", "validTo", TODAY.toString()));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("validFrom");
    Api.Answer tooLong = api.as("commander").post("/api/v1/green-passes", Map.of("plate", "浙A1234", "cargo", "米",
        "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(91).toString()));
    assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("plate", "validTo");
    assertThat(api.as("community").post("/api/v1/green-passes", Map.of("plate", "浙A12345", "cargo", "米",
        "validFrom", TODAY.toString(), "validTo", TODAY.toString())).status()).isEqualTo(403);
  }

  @Test
  void aCheckpointIsCorrectedRetiredAndReactivatedAndARetiredOneRefusesNewWork() {
    String code = "KR-" + (System.nanoTime() % 1_000_000_000L);
    Api.Answer created = api.as("commander").post("/api/v1/checkpoints", Map.of("code", code, "name", "北口卡口",
        "kind", "TRAFFIC", "jurisdictionCode", DemoPlaces.DISTRICT, "lat", 30.3, "lon", 120.2));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("state").asString()).isEqualTo("ACTIVE");
    Api.Answer duplicate = api.as("commander").post("/api/v1/checkpoints",
        Map.of("code", code, "name", "重复", "kind", "PORT", "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("existingId").asString()).isEqualTo(id);

    JsonNode corrected = api.as("commander").put("/api/v1/checkpoints/" + code, Map.of("name", "北口高速卡口",
        "kind", "STATION", "jurisdictionCode", DemoPlaces.STREET, "lat", 30.31, "lon", 120.21)).json();
    assertThat(corrected.get("name").asString()).isEqualTo("北口高速卡口");
    JsonNode read = api.as("community").get("/api/v1/checkpoints/" + code).json();
    assertThat(read.get("kind").asString()).isEqualTo("STATION");
    assertThat(read.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.STREET);
    assertThat(read.get("lat").asDouble()).isEqualTo(30.31);
    assertThat(read.get("code").asString()).isEqualTo(code);

    String number = api.as("commander").post("/api/v1/green-passes", Map.of("plate", "浙A23456", "cargo", "蔬菜",
        "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(1).toString())).json().get("passNumber").asString();
    JsonNode retired = api.as("commander").post("/api/v1/checkpoints/" + code + "/retire", Map.of()).json();
    assertThat(retired.get("state").asString()).isEqualTo("RETIRED");
    assertThat(retired.get("retiredAt").asString()).endsWith("+08:00");
    Api.Answer twice = api.as("commander").post("/api/v1/checkpoints/" + code + "/retire", Map.of());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("RETIRED");

    // a retired checkpoint registers no arrival and no passage (409), and drops out of the default list
    Map<String, Object> body = MovementFixtures.arrival("撤除卡口登记", MovementFixtures.residentId(),
        MovementFixtures.COMMUNITY, TODAY);
    body.put("checkpointCode", code);
    Api.Answer arrival = api.as("community").post("/api/v1/arrivals", body);
    assertThat(arrival.status()).as(arrival.body()).isEqualTo(409);
    assertThat(arrival.json().get("detail").asString()).contains("撤除");
    Api.Answer passage = api.as("community").post("/api/v1/green-passes/" + number + "/passages",
        Map.of("checkpointCode", code));
    assertThat(passage.status()).isEqualTo(409);
    assertThat(api.as("community").get("/api/v1/checkpoints").json().findValuesAsString("code")).doesNotContain(code);
    assertThat(api.as("community").get("/api/v1/checkpoints?state=RETIRED").json().findValuesAsString("code"))
        .contains(code);
    assertThat(api.as("community").get("/api/v1/checkpoints?state=ALL").json().findValuesAsString("code"))
        .contains(code);

    assertThat(api.as("commander").post("/api/v1/checkpoints/" + code + "/reactivate", Map.of()).json().get("state")
        .asString()).isEqualTo("ACTIVE");
    assertThat(api.as("commander").post("/api/v1/checkpoints/" + code + "/reactivate", Map.of()).status())
        .isEqualTo(409);
    body.put("idNumber", MovementFixtures.residentId());
    assertThat(api.as("community").post("/api/v1/arrivals", body).status()).isEqualTo(201);
    assertThat(api.as("community").post("/api/v1/green-passes/" + number + "/passages",
        Map.of("checkpointCode", code)).status()).isEqualTo(201);

    List<String> audit = api.as("auditor").get("/api/v1/audit?subjectId=" + code).json().get("items").valueStream()
        .map(e -> e.get("action").asString() + " " + e.path("detail").asString("")).toList();
    assertThat(audit).contains("CREATE 北口卡口", "UPDATE RETIRED", "UPDATE ACTIVE");
    assertThat(audit).anyMatch(a -> a.startsWith("UPDATE name: 北口卡口 → 北口高速卡口"));
  }

  @Test
  void badCheckpointFieldsAre400AndOutsideTheJurisdictionA404() {
    Api.Answer bad = api.as("commander").post("/api/v1/checkpoints", Map.of("code", "?", "name", " ",
        "jurisdictionCode", "000000", "lat", 31.0));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("code", "name", "kind", "jurisdictionCode", "lon");
    assertThat(api.as("commander").post("/api/v1/checkpoints", Map.of("code", "KB-1", "name", "x", "kind", "BUS",
        "jurisdictionCode", DemoPlaces.DISTRICT)).json().get("errors").get(0).get("field").asString())
            .isEqualTo("kind");
    String code = checkpoint();
    assertThat(api.as("commander").put("/api/v1/checkpoints/" + code, Map.of("name", "x", "kind", "TRAFFIC",
        "jurisdictionCode", DemoPlaces.DISTRICT, "lat", 200.0, "lon", 30.0)).json().get("errors")
            .findValuesAsString("field"))
        .containsExactly("lat");
    assertThat(api.as("commander").put("/api/v1/checkpoints/KK-NOSUCH-1", Map.of("name", "x", "kind", "TRAFFIC",
        "jurisdictionCode", DemoPlaces.DISTRICT)).status()).isEqualTo(404);
    assertThat(api.as("commander").get("/api/v1/checkpoints/KK-NOSUCH-1").status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/checkpoints/" + code + "/retire", Map.of()).status()).isEqualTo(403);

    String username = "cp_cmd_" + java.util.UUID.randomUUID().toString().substring(0, 6);
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", username, "password", "checkpoint-2026",
        "roles", List.of("COMMANDER"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT)).status()).isEqualTo(201);
    Api.Caller other = api.as(username, "checkpoint-2026");
    assertThat(other.put("/api/v1/checkpoints/" + code, Map.of("name", "改名", "kind", "TRAFFIC",
        "jurisdictionCode", DemoPlaces.OTHER_DISTRICT)).status()).isEqualTo(404);
    assertThat(other.post("/api/v1/checkpoints/" + code + "/retire", Map.of()).status()).isEqualTo(404);
    Api.Answer outside = other.post("/api/v1/checkpoints", Map.of("code", "KO-" + System.nanoTime() % 1_000_000,
        "name", "越界卡口", "kind", "TRAFFIC", "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("jurisdictionCode");
    assertThat(api.as("community").get("/api/v1/checkpoints/" + code).json().get("name").asString())
        .isEqualTo("滨江高速收费站卡口");
  }

  @Test
  void theKindsComeWithTheirNamesInTheCallersLanguage() {
    JsonNode kinds = api.as("community").get("/api/v1/checkpoint-kinds").json();
    assertThat(kinds.findValuesAsString("code")).containsExactly("TRAFFIC", "STATION", "AIRPORT", "PORT");
    assertThat(kinds.findValuesAsString("name")).containsExactly("交通卡口", "车站", "机场", "码头");
    assertThat(api.as("community").header("Accept-Language", "en").get("/api/v1/checkpoint-kinds").json().get(0)
        .get("name").asString()).isEqualTo("Traffic checkpoint");
  }
}
