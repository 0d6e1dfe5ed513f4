package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The commerce bureau's price staff (PRICE_OFFICER): they keep the markets and prices of their jurisdiction, set
 * and lift markup caps, receive the price alerts of their markets — and nothing of the stock; the supplies group
 * no longer receives price alerts.
 */
@EpiCommandTest
class PriceOfficerApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String PASSWORD = "Prices12345";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private String account(String role, String jurisdiction) {
    String username = "pr_" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer made = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of(role), "jurisdictionCode", jurisdiction));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return username;
  }

  private long notices(String username, String market) {
    return jdbc.sql("select count(*) from notification where kind = 'PRICE_ALERT' and recipient = ? and link like ?")
        .params(username, "%market=" + market + "&%").query(Long.class).single();
  }

  private Api.Answer price(Api.Caller caller, String market, LocalDate day, String price) {
    return caller.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "CABBAGE", "date", day.toString(),
        "price", new BigDecimal(price)));
  }

  @Test
  void theBureauKeepsItsMarketsPricesAndCapsAndReceivesTheirAlerts() {
    String bureau = account("PRICE_OFFICER", "990101");
    String otherBureau = account("PRICE_OFFICER", "990102");
    String suppliesGroup = account("SUPPLIES_OFFICER", "990101");
    Api.Caller officer = api.as(bureau, PASSWORD);
    String market = SupplyFixtures.code("MKP");
    Api.Answer created = officer.post("/api/v1/prices/markets", Map.of("code", market, "name", "商务测试市场 " + market,
        "kind", "WET_MARKET", "jurisdictionCode", "990101001", "supplyGuarantee", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(price(officer, market, TODAY.minusDays(1), "2.00").status()).isEqualTo(201);
    Api.Answer rise = price(officer, market, TODAY, "2.30");
    assertThat(rise.status()).as(rise.body()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(15)).until(() -> notices(bureau, market) > 0);
    assertThat(notices(bureau, market)).as("one PRICE_RISE, one notice").isEqualTo(1);
    assertThat(jdbc.sql("select title from notification where kind = 'PRICE_ALERT' and recipient = ?")
        .param(bureau).query(String.class).list()).anySatisfy(t -> assertThat(t).contains("商务测试市场 " + market)
            .contains("白菜"));
    assertThat(notices(suppliesGroup, market)).as("the supplies group keeps stock, not prices").isZero();
    assertThat(notices(otherBureau, market)).as("another district's bureau").isZero();
    assertThat(officer.get("/api/v1/prices/alerts").json().valueStream()
        .filter(a -> a.get("marketCode").asString().equals(market)).map(a -> a.get("kind").asString()).toList())
        .containsExactly("PRICE_RISE");

    // their markets only: another district's bureau does not see it and cannot report there
    Api.Caller other = api.as(otherBureau, PASSWORD);
    assertThat(other.get("/api/v1/prices/markets").json().valueStream()
        .noneMatch(m -> m.get("code").asString().equals(market))).isTrue();
    assertThat(price(other, market, TODAY.minusDays(2), "2.00").status()).isIn(400, 404);
    assertThat(other.get("/api/v1/prices/alerts").json().valueStream()
        .noneMatch(a -> a.get("marketCode").asString().equals(market))).isTrue();

    // caps are theirs; the baseline date stays with the command office; the stock is not theirs
    assertThat(officer.put("/api/v1/prices/caps", Map.of("commodity", "CABBAGE", "marketCode", market,
        "purchasePrice", 1.50, "maxMarkupPct", 20)).status()).isEqualTo(200);
    assertThat(officer.post("/api/v1/prices/caps/CABBAGE/lift", Map.of("marketCode", market, "reason", "供应恢复"))
        .status()).isEqualTo(200);
    assertThat(officer.put("/api/v1/prices/baseline", Map.of("date", TODAY.toString())).status()).isEqualTo(403);
    assertThat(officer.get("/api/v1/supplies/items").status()).isEqualTo(403);
    assertThat(officer.get("/api/v1/supplies/requests").status()).isEqualTo(403);
  }

  @Test
  void theBureauHomeShowsThePriceAlertsCard() {
    String home = api.as("price").get("/", "text/html").body();
    assertThat(home).contains("hx-get=\"/prices/widget\"").doesNotContain("hx-get=\"/supplies/widget\"");
    Api.Answer card = api.as("price").get("/prices/widget", "text/html");
    assertThat(card.status()).isEqualTo(200);
    assertThat(card.body()).contains("价格告警").contains("价格上涨");
    assertThat(api.as("district").get("/prices/widget", "text/html").status()).isEqualTo(403);
  }
}
