package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
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
        Map.of("code", code, "name", "滨江高速收费站卡口", "kind", "TRAFFIC", "jurisdictionCode", "990101"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.as("commander").post("/api/v1/checkpoints",
        Map.of("code", code, "name", "重复", "kind", "TRAFFIC", "jurisdictionCode", "990101")).status()).isEqualTo(409);
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
}
