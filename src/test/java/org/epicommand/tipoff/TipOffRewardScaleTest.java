package org.epicommand.tipoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The reward scale per topic is data the tip-off office keeps: bad amounts refused field by field, only the office
 * may set it; a substantiated tip-off's reward proposed without an amount takes the standard one, and one above the
 * ceiling is refused on its field with nothing changed; removed, the topic takes any amount again.
 */
@EpiCommandTest
class TipOffRewardScaleTest {

  static final String SCALE = "/api/v1/tip-offs/reward-scales/PRICE_GOUGING";

  @Autowired
  Api api;

  @Test
  void aProposalTakesTheTopicsStandardAmountAndNeverMoreThanItsCeiling() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    assertThat(fields(office.put(SCALE, Map.of("amount", 0, "maxAmount", 100)))).containsExactly("amount");
    assertThat(fields(office.put(SCALE, Map.of("amount", 800, "maxAmount", 500)))).containsExactly("maxAmount");
    assertThat(fields(office.put(SCALE, Map.of("amount", 800, "maxAmount", 100001)))).containsExactly("maxAmount");
    assertThat(api.as("community").put(SCALE, Map.of("amount", 300, "maxAmount", 1000)).status()).isEqualTo(403);
    Api.Answer set = office.put(SCALE, Map.of("amount", 300, "maxAmount", 1000));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(office.get("/api/v1/tip-offs/reward-scales").json().valueStream()
        .filter(s -> s.get("topic").asString().equals("PRICE_GOUGING")).findFirst().orElseThrow()
        .get("maxAmount").decimalValue()).isEqualByComparingTo("1000");
    try {
      String path = "/api/v1/tip-offs/" + substantiated(office);
      assertThat(fields(office.post(path + "/propose-reward", Map.of("amount", 1500)))).containsExactly("amount");
      assertThat(office.post(path + "/propose-reward", Map.of("amount", 1500)).json().get("errors").get(0)
          .get("message").asString()).contains("1000");
      assertThat(office.get(path).json().get("state").asString()).isEqualTo("SUBSTANTIATED");
      assertThat(WebSession.login(api, TipOffApiTest.OFFICE).get(path.replace("/api/v1/tip-offs/", "/tipoff/"))
          .body()).contains("标准 300 元，最高 1000 元", "value=\"300\"");
      JsonNode proposed = office.post(path + "/propose-reward", Map.of("note", "按标准")).json();
      assertThat(proposed.get("state").asString()).isEqualTo("REWARD_PROPOSED");
      assertThat(proposed.get("rewardAmount").decimalValue()).isEqualByComparingTo("300");
    } finally {
      assertThat(office.delete(SCALE).status()).isEqualTo(204);
    }
    assertThat(office.delete(SCALE).status()).isEqualTo(404);
  }

  /** A price-gouging tip-off recorded by the office, assigned and confirmed by the community; its id. */
  private String substantiated(Api.Caller office) {
    Map<String, Object> body = new HashMap<>(TipOffApiTest.tip("PRICE_GOUGING", TipOffApiTest.COMMUNITY,
        "口罩一包卖到 80 元"));
    body.put("channel", "HOTLINE");
    String id = office.post("/api/v1/tip-offs", body).json().get("id").asString();
    assertThat(office.post("/api/v1/tip-offs/" + id + "/assign", Map.of()).status()).isEqualTo(200);
    Api.Answer verified = api.as("community").post("/api/v1/tip-offs/" + id + "/verify", Map.of("outcome",
        "CONFIRMED", "findings", "属实，已移交市场监管"));
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    return id;
  }

  static List<String> fields(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
