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
}
