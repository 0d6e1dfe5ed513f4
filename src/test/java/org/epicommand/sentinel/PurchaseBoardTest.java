package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.residentId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The sentinel board through HTTP: a week of registrations at a pharmacy of a community no other test sells in,
 * then a day with six times the cough medicines: the class and the community rise (at least 10 registrations and
 * 50 % above the mean of the 7 days before), a class at its mean does not, yesterday did not; the street's board
 * has the community as a part; a day to come and an unknown class are 400, a division outside the reach 404.
 */
@EpiCommandTest
class PurchaseBoardTest {

  static final String STREET = "990104002";
  static final String COMMUNITY = "990104002003";
  /** The page's test sells here, so that the figures of {@link #COMMUNITY} stay the first test's own. */
  static final String PAGE_COMMUNITY = "990104002002";
  static final String COUGH = "国药准字H44021565";
  static final String HEAT_CLEARING = "国药准字Z20040063";

  @Autowired
  Api api;

  @Autowired
  Clock clock;

  @Test
  void aClassFiftyPercentAboveItsSevenDayMeanRisesOnTheBoard() {
    String pharmacy = SentinelFixtures.pharmacy(api, "看板药房" + System.nanoTime() % 100_000, COMMUNITY);
    Instant now = clock.instant();
    for (int back = 1; back <= 7; back++) {
      Instant then = now.minus(Duration.ofDays(back)).plusSeconds(30);
      sell(pharmacy, COUGH, then);
      sell(pharmacy, COUGH, then);
      sell(pharmacy, HEAT_CLEARING, then);
    }
    for (int i = 0; i < 12; i++) {
      sell(pharmacy, COUGH, null);
    }
    sell(pharmacy, HEAT_CLEARING, null);
    LocalDate today = LocalDate.now(clock);

    JsonNode board = ok("/api/v1/sentinel/board?jurisdiction=" + COMMUNITY);
    assertThat(board.get("day").asString()).isEqualTo(today.toString());
    JsonNode cough = classLine(board, "COUGH_EXPECTORANT_ANTIASTHMATIC");
    assertThat(cough.get("registrations").asLong()).isEqualTo(12);
    assertThat(cough.get("packs").asLong()).isEqualTo(24);
    assertThat(cough.get("baseline").asDouble()).isEqualTo(2.0);
    assertThat(cough.get("changePercent").asInt()).isEqualTo(500);
    assertThat(cough.get("rising").asBoolean()).isTrue();
    JsonNode heat = classLine(board, "TCM_HEAT_CLEARING");
    assertThat(heat.get("registrations").asLong()).isEqualTo(1);
    assertThat(heat.get("baseline").asDouble()).isEqualTo(1.0);
    assertThat(heat.get("changePercent").asInt()).isZero();
    assertThat(heat.get("rising").asBoolean()).isFalse();
    assertThat(classLine(board, "ANTIVIRAL").get("changePercent").isNull()).isTrue();
    // a community has no parts below it: its own pharmacies are its one line
    assertThat(board.get("parts").size()).isEqualTo(1);
    assertThat(board.get("parts").get(0).get("own").asBoolean()).isTrue();
    assertThat(board.get("parts").get(0).get("figure").get("registrations").asLong()).as(board.toString())
        .isEqualTo(13);
    assertThat(board.get("alerts").valueStream().map(a -> a.get("jurisdictionCode").asString() + " "
        + a.get("drugClass").asString()).toList()).containsExactly(COMMUNITY + " COUGH_EXPECTORANT_ANTIASTHMATIC");
    JsonNode days = board.get("days");
    assertThat(days.size()).isEqualTo(PurchaseBoards.DAYS);
    assertThat(days.get(13).get("day").asString()).isEqualTo(today.toString());
    assertThat(days.get(13).get("registrations").asLong()).isEqualTo(13);
    assertThat(days.get(13).get("baseline").asDouble()).isEqualTo(3.0);
    assertThat(days.get(12).get("registrations").asLong()).isEqualTo(3);

    // the street: the community is one of its parts, with the same figures and the same rise
    JsonNode street = ok("/api/v1/sentinel/board?jurisdiction=" + STREET);
    JsonNode part = street.get("parts").valueStream().filter(p -> p.get("jurisdictionCode").asString()
        .equals(COMMUNITY)).findFirst().orElseThrow();
    assertThat(part.get("own").asBoolean()).isFalse();
    assertThat(part.get("figure").get("registrations").asLong()).isEqualTo(13);
    assertThat(part.get("figure").get("baseline").asDouble()).isEqualTo(3.0);
    assertThat(street.get("alerts").valueStream().anyMatch(a -> a.get("jurisdictionCode").asString()
        .equals(COMMUNITY) && a.get("drugClass").asString().equals("COUGH_EXPECTORANT_ANTIASTHMATIC"))).isTrue();
    // one class: the parts count that class only, and it does not rise
    JsonNode heatOnly = ok("/api/v1/sentinel/board?jurisdiction=" + STREET + "&drugClass=TCM_HEAT_CLEARING");
    assertThat(heatOnly.get("parts").valueStream().filter(p -> p.get("jurisdictionCode").asString()
        .equals(COMMUNITY)).findFirst().orElseThrow().get("figure").get("registrations").asLong()).isEqualTo(1);
    assertThat(heatOnly.get("alerts").valueStream().noneMatch(a -> a.get("jurisdictionCode").asString()
        .equals(COMMUNITY))).isTrue();
    // yesterday: 2 cough registrations against 12 over the six days before it, no rise
    JsonNode yesterday = ok("/api/v1/sentinel/board?jurisdiction=" + COMMUNITY + "&day=" + today.minusDays(1));
    JsonNode before = classLine(yesterday, "COUGH_EXPECTORANT_ANTIASTHMATIC");
    assertThat(before.get("registrations").asLong()).isEqualTo(2);
    assertThat(before.get("baseline").asDouble()).isEqualTo(1.7);
    assertThat(yesterday.get("alerts").size()).isZero();

    Api.Answer future = api.as("commander").get("/api/v1/sentinel/board?day=" + today.plusDays(1));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("\"day\"");
    assertThat(api.as("commander").get("/api/v1/sentinel/board?drugClass=ASPIRIN").status()).isEqualTo(400);
    assertThat(api.as("community").get("/api/v1/sentinel/board?jurisdiction=" + COMMUNITY).status())
        .isEqualTo(404);
    assertThat(api.as("auditor").get("/api/v1/sentinel/board").status()).isEqualTo(403);
  }

  @Test
  void thePageShowsTheRisesTheChartAndTheTables() {
    String pharmacy = SentinelFixtures.pharmacy(api, "看板页药房" + System.nanoTime() % 100_000, PAGE_COMMUNITY);
    for (int i = 0; i < 10; i++) {
      sell(pharmacy, COUGH, null);
    }
    Api.Answer page = api.as("commander").get("/sentinel/board?jurisdiction=" + STREET);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-testid=\"rises\"", "data-testid=\"board-chart\"", "止咳化痰平喘类",
        "data-division=\"" + PAGE_COMMUNITY + "\"", "/sentinel/board?jurisdiction=" + PAGE_COMMUNITY);
    Api.Answer bad = api.as("commander").get("/sentinel/board?day=2026-13-45");
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("data-testid=\"problem\"", "日期格式应为");
    assertThat(api.as("community").get("/sentinel/board?jurisdiction=" + COMMUNITY).status()).isEqualTo(404);
  }

  private void sell(String pharmacy, String product, Instant at) {
    Map<String, Object> body = SentinelApiTest.purchase(residentId(), product);
    body.put("pharmacy", pharmacy);
    body.put("jurisdictionCode", COMMUNITY);
    if (at != null) {
      body.put("purchasedAt", at.toString());
    }
    Api.Answer sold = api.as("commander").post("/api/v1/sentinel/purchases", body);
    assertThat(sold.status()).as(sold.body()).isEqualTo(201);
  }

  private JsonNode ok(String path) {
    Api.Answer answer = api.as("commander").get(path);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static JsonNode classLine(JsonNode board, String drugClass) {
    return board.get("classes").valueStream().filter(c -> c.get("drugClass").asString().equals(drugClass))
        .findFirst().orElseThrow().get("figure");
  }
}
