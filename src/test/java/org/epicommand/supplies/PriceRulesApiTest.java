package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The baseline-week rule (20 % above the mean of the 7 days before the baseline date), markup caps per
 * commodity for every market or one market (which wins) with their alert, bad input 400 per field with
 * nothing stored, and the price chart on the prices page.
 */
@EpiCommandTest
class PriceRulesApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aPriceTwentyPercentAboveTheBaselineWeekAndAPriceAboveItsCapRaiseOneAlertEach() {
    Api.Caller office = api.as("commander");
    String market = SupplyFixtures.code("MKB");
    assertThat(office.post("/api/v1/prices/markets", Map.of("code", market, "name", "基期测试市场 " + market,
        "kind", "WET_MARKET", "jurisdictionCode", DemoPlaces.STREET)).status()).isEqualTo(201);
    LocalDate baseline = TODAY.minusDays(3);
    assertThat(office.put("/api/v1/prices/baseline", Map.of("date", TODAY.plusDays(1).toString())).json()
        .get("errors").get(0).get("field").asString()).isEqualTo("date");
    assertThat(office.put("/api/v1/prices/baseline", Map.of()).status()).isEqualTo(400);
    assertThat(api.as("district").put("/api/v1/prices/baseline", Map.of("date", baseline.toString())).status())
        .isEqualTo(403);
    Api.Answer set = office.put("/api/v1/prices/baseline", Map.of("date", baseline.toString()));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(office.get("/api/v1/prices/baseline").json().get("date").asString()).isEqualTo(baseline.toString());

    for (int back = 7; back >= 1; back--) {
      price(market, "CABBAGE", baseline.minusDays(back), "1.50");
    }
    price(market, "CABBAGE", baseline, "1.60");
    price(market, "CABBAGE", baseline.plusDays(1), "1.70");
    price(market, "CABBAGE", baseline.plusDays(2), "1.75");
    assertThat(alerts(market)).as("+16.7 % on the baseline week: nothing yet").isEmpty();
    price(market, "CABBAGE", TODAY, "1.80");
    assertThat(alerts(market)).containsExactly("CABBAGE:PRICE_ABOVE_BASELINE:1.50");

    Map<String, Object> bad = new HashMap<>(Map.of("commodity", "CAVIAR", "marketCode", "NO-SUCH", "purchasePrice", 0,
        "maxMarkupPct", -1));
    Api.Answer refused = office.put("/api/v1/prices/caps", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("commodity", "marketCode", "purchasePrice", "maxMarkupPct");
    assertThat(api.as("district").put("/api/v1/prices/caps", Map.of("commodity", "FLOUR", "purchasePrice", 2,
        "maxMarkupPct", 10)).status()).isEqualTo(403);
    assertThat(office.put("/api/v1/prices/caps", Map.of("commodity", "FLOUR", "purchasePrice", 2.00,
        "maxMarkupPct", 10)).status()).isEqualTo(200);
    Api.Answer own = office.put("/api/v1/prices/caps", Map.of("commodity", "flour", "marketCode", market,
        "purchasePrice", 2.00, "maxMarkupPct", 30));
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("commodity").asString()).isEqualTo("FLOUR");
    assertThat(office.put("/api/v1/prices/caps", Map.of("commodity", "CHICKEN", "marketCode", market,
        "purchasePrice", 10.00, "maxMarkupPct", 15)).status()).isEqualTo(200);
    assertThat(office.get("/api/v1/prices/caps").json().findValuesAsString("commodity")).contains("FLOUR", "CHICKEN")
        .doesNotContain("CAVIAR");
    price(market, "FLOUR", TODAY, "2.30");
    price(market, "CHICKEN", TODAY.minusDays(1), "11.40");
    price(market, "CHICKEN", TODAY, "11.60");
    assertThat(alerts(market)).as("the market's own FLOUR cap (30 %) wins over the general one (10 %)")
        .containsExactlyInAnyOrder("CABBAGE:PRICE_ABOVE_BASELINE:1.50", "CHICKEN:MARKUP_EXCEEDED:11.50");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'PRICE_CAP' and subject_id like :c")
        .param("c", "%" + market).query(Long.class).single()).isEqualTo(2);

    String page = office.get("/prices?commodity=CABBAGE").body();
    assertThat(page).contains("data-testid=\"price-chart\"").contains("基期测试市场 " + market).contains("高于基期")
        .contains("基期日期 " + baseline).contains("data-testid=\"cap-form\"").contains("/js/price-chart.js")
        .doesNotContain("prices.");
    assertThat(office.header("Accept-Language", "en").get("/prices?commodity=CHICKEN").body())
        .contains("Markup cap exceeded").contains("Price monitoring rules");
  }

  private void price(String market, String commodity, LocalDate day, String price) {
    Api.Answer reported = api.as("commander").post("/api/v1/prices", Map.of("marketCode", market, "commodity",
        commodity, "date", day.toString(), "price", new java.math.BigDecimal(price)));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
  }

  private List<String> alerts(String market) {
    return api.as("commander").get("/api/v1/prices/alerts").json().valueStream()
        .filter(a -> a.get("marketCode").asString().equals(market))
        .map(a -> a.get("commodity").asString() + ":" + a.get("kind").asString() + ":"
            + a.get("reference").decimalValue().setScale(2)).toList();
  }
}
