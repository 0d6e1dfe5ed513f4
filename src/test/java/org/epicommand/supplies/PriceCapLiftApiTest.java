package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * A price above its markup cap reaches the commerce bureau's inbox (PRICE_OFFICER) once; lifting the cap keeps
 * its history, is audited, refuses a second lift (409) and stops the flag.
 */
@EpiCommandTest
class PriceCapLiftApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private long notices(String username, String market) {
    return jdbc.sql("select count(*) from notification where kind = 'PRICE_ALERT' and recipient = ? and link like ?")
        .params(username, "%market=" + market + "&%").query(Long.class).single();
  }

  @Test
  void aCapIsLiftedWithItsHistoryAndItsAlertReachedTheInboxOnce() {
    String officer = "supo_" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", officer, "password", "Supplies123",
        "roles", List.of("PRICE_OFFICER"), "jurisdictionCode", "990101")).status()).isEqualTo(201);
    Api.Caller office = api.as("commander");
    String market = SupplyFixtures.code("MKL");
    assertThat(office.post("/api/v1/prices/markets", Map.of("code", market, "name", "解除测试市场 " + market,
        "kind", "WET_MARKET", "jurisdictionCode", "990101001")).status()).isEqualTo(201);
    assertThat(office.put("/api/v1/prices/caps", Map.of("commodity", "CHICKEN", "marketCode", market,
        "purchasePrice", 10.00, "maxMarkupPct", 15)).status()).isEqualTo(200);
    price(market, TODAY.minusDays(1), "11.60");
    await().atMost(Duration.ofSeconds(15)).until(() -> notices(officer, market) > 0);
    assertThat(notices(officer, market)).as("one alert, one notice").isEqualTo(1);
    assertThat(jdbc.sql("select title from notification where kind = 'PRICE_ALERT' and recipient = ?")
        .param(officer).query(String.class).list()).anySatisfy(t -> assertThat(t).contains("解除测试市场 " + market)
            .contains("鸡肉").contains("超出加价上限"));

    String lift = "/api/v1/prices/caps/CHICKEN/lift";
    assertThat(api.as("district").post(lift, Map.of("marketCode", market)).status()).isEqualTo(403);
    Api.Answer unknown = office.post("/api/v1/prices/caps/CAVIAR/lift", Map.of("marketCode", market));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("commodity");
    Api.Answer lifted = office.post(lift, Map.of("marketCode", market, "reason", "市场供应恢复"));
    assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
    assertThat(lifted.json().get("purchasePrice").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(lifted.json().get("liftedBy").asString()).isEqualTo("commander");
    Api.Answer again = office.post(lift, Map.of("marketCode", market));
    assertThat(again.status()).isEqualTo(409);
    assertThat(office.get("/api/v1/prices/caps").json().valueStream()
        .filter(c -> market.equals(c.get("marketCode").asString(null))).toList()).isEmpty();
    assertThat(office.get("/api/v1/prices/caps/lifted").json().valueStream()
        .filter(c -> market.equals(c.get("marketCode").asString(null)))
        .map(c -> c.get("reason").asString()).toList()).containsExactly("市场供应恢复");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'PRICE_CAP' and subject_id = ?"
        + " and action = 'DELETE'").param("CHICKEN@" + market).query(Long.class).single()).isEqualTo(1);

    price(market, TODAY, "11.80");
    assertThat(api.as("commander").get("/api/v1/prices/alerts").json().valueStream()
        .filter(a -> a.get("marketCode").asString().equals(market))
        .filter(a -> a.get("kind").asString().equals("MARKUP_EXCEEDED")).count()).as("only yesterday's").isEqualTo(1);
  }

  private void price(String market, LocalDate day, String price) {
    Api.Answer reported = api.as("commander").post("/api/v1/prices", Map.of("marketCode", market, "commodity",
        "CHICKEN", "date", day.toString(), "price", new java.math.BigDecimal(price)));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
  }
}
