package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Necessity prices through HTTP: bad prices per field, one price per market, commodity and day (409,
 * corrected with PUT), a +12 % cabbage price raising exactly one PRICE_RISE, a 保供 market short of rice
 * raising NECESSITY_LOW, the series by day.
 */
@EpiCommandTest
class PriceApiTest {

  @Autowired
  Api api;

  @Test
  void aTwelvePercentCabbageRiseRaisesExactlyOneAlert() {
    String market = SupplyFixtures.code("MKT");
    Api.Caller office = api.as("commander");
    assertThat(office.post("/api/v1/prices/markets", Map.of("code", market, "name", "和平里农贸市场", "kind", "WET_MARKET",
        "jurisdictionCode", DemoPlaces.STREET, "supplyGuarantee", true)).status()).isEqualTo(201);
    LocalDate today = CityTime.today();
    LocalDate yesterday = today.minusDays(1);
    for (Object bad : new Object[] {0, -1, 1000.01}) {
      Api.Answer refused = office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "CABBAGE",
          "date", yesterday.toString(), "price", bad));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("price");
    }
    assertThat(office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "CAVIAR", "price", 1))
        .json().get("errors").get(0).get("field").asString()).isEqualTo("commodity");
    Api.Answer first = office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "CABBAGE",
        "date", yesterday.toString(), "price", 1.50));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Api.Answer again = office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "CABBAGE",
        "date", yesterday.toString(), "price", 1.60));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(first.json().get("id").asString());
    Api.Answer rise = office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "CABBAGE",
        "date", today.toString(), "price", 1.68));
    assertThat(rise.status()).isEqualTo(201);
    // corrected to the same rise: still one alert
    assertThat(office.put("/api/v1/prices/" + rise.json().get("id").asString(), Map.of("price", 1.69)).status())
        .isEqualTo(200);
    JsonNode alerts = office.get("/api/v1/prices/alerts").json();
    long rises = alerts.valueStream().filter(a -> a.get("marketCode").asString().equals(market)
        && a.get("kind").asString().equals("PRICE_RISE")).count();
    assertThat(rises).isEqualTo(1);
    // a +5 % egg price raises nothing; a 保供 market with 2 days of rice raises NECESSITY_LOW
    office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "EGGS", "date", yesterday.toString(),
        "price", 6.00));
    office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "EGGS", "date", today.toString(),
        "price", 6.30));
    office.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "RICE", "date", today.toString(),
        "price", 2.80, "stockDays", 2));
    alerts = office.get("/api/v1/prices/alerts").json();
    assertThat(alerts.valueStream().filter(a -> a.get("marketCode").asString().equals(market))
        .map(a -> a.get("commodity").asString() + ":" + a.get("kind").asString()).toList())
        .containsExactlyInAnyOrder("CABBAGE:PRICE_RISE", "RICE:NECESSITY_LOW");
    JsonNode series = office.get("/api/v1/prices/series?commodity=cabbage&market=" + market).json();
    assertThat(series.findValuesAsString("date")).containsExactly(yesterday.toString(), today.toString());
    assertThat(series.get(1).get("price").asDouble()).isEqualTo(1.69);
    assertThat(api.as("district").get("/api/v1/prices/alerts").status()).isEqualTo(403);
  }

  @Test
  void pricePointsImportRaisesTheRiseOnceAndAgainAddsNothing() {
    String market = SupplyFixtures.code("MKI");
    assertThat(api.as("commander").post("/api/v1/prices/markets", Map.of("code", market, "name", "东湖批发市场",
        "kind", "WHOLESALE", "jurisdictionCode", DemoPlaces.DISTRICT)).status()).isEqualTo(201);
    LocalDate today = CityTime.today();
    String csv = "市场编码,品种,日期,价格\n"
        + market + ",POTATO," + today + ",2.30\n"
        + market + ",POTATO," + today.minusDays(1) + ",2.00\n"
        + market + ",CAVIAR," + today + ",9\n"
        + market + ",TOMATO," + today + ",0\n";
    Api.Answer done = api.as("commander").upload("/api/v1/imports/price-points?wait=true", "prices.csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(done.json().get("rowsRejected").asInt()).isEqualTo(2);
    assertThat(done.body()).contains("\"row\":4").contains("\"field\":\"commodity\"").contains("\"row\":5")
        .contains("\"field\":\"price\"");
    Api.Answer again = api.as("commander").upload("/api/v1/imports/price-points?wait=true", "prices.csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(again.json().get("rowsImported").asInt()).isEqualTo(2);
    Api.Answer changed = api.as("commander").upload("/api/v1/imports/price-points?wait=true", "prices.csv",
        ("marketCode,commodity,date,price\n" + market + ",POTATO," + today + ",2.50\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(changed.json().get("rowsRejected").asInt()).isEqualTo(1);
    assertThat(api.as("commander").get("/api/v1/prices/alerts").json().valueStream()
        .filter(a -> a.get("marketCode").asString().equals(market)).map(a -> a.get("kind").asString()).toList())
        .containsExactly("PRICE_RISE");
  }
}
