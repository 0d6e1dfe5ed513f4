package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * LOW_STOCK, BELOW_TARGET and EXPIRING reach the inboxes of the keepers bound to that warehouse (not a
 * keeper of another warehouse) and the supplies group of the city, each once however often the sweep runs.
 */
@EpiCommandTest
class StockNoticesTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  StockNotices notices;

  @Test
  void stockAlertsReachTheWarehousesKeepersAndTheSuppliesGroupOnce() {
    Api.Caller office = api.as("commander");
    String low = SupplyFixtures.code("LOW");
    Map<String, Object> lowItem = SupplyFixtures.item(low, "只");
    lowItem.put("minOnHand", 1_000);
    assertThat(office.post("/api/v1/supplies/items", lowItem).status()).isEqualTo(201);
    String slow = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.code("WH");
    assertThat(office.post("/api/v1/supplies/warehouses", Map.of("code", warehouse, "name", "告警测试库 " + warehouse,
        "kind", "DISTRICT_RESERVE", "jurisdictionCode", SupplyFixtures.DISTRICT, "targetDays", 30)).status())
        .isEqualTo(201);
    String elsewhere = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    SupplyFixtures.receive(api, warehouse, low, "L1", 100, CityTime.today().plusDays(10));
    SupplyFixtures.receive(api, warehouse, slow, "S1", 300, CityTime.today().plusDays(400));
    assertThat(office.post("/api/v1/supplies/movements", SupplyFixtures.movement("ISSUE", warehouse, slow, null, 70))
        .status()).isEqualTo(201);
    String keeper = SupplyFixtures.keeper(api, warehouse, SupplyFixtures.DISTRICT);
    String otherKeeper = SupplyFixtures.keeper(api, elsewhere, SupplyFixtures.DISTRICT);
    String officer = SupplyFixtures.officer(api);

    notices.sweep(Instant.now());
    notices.sweep(Instant.now());
    assertThat(inbox(keeper, "SUPPLY_LOW_STOCK", warehouse)).as("100 on hand under a minimum of 1,000").isEqualTo(1);
    assertThat(inbox(keeper, "SUPPLY_BELOW_TARGET", warehouse)).as("230 ÷ 10 a day = 23 < 30 days").isEqualTo(1);
    assertThat(inbox(keeper, "SUPPLY_EXPIRING", warehouse)).as("L1 expires in 10 days").isEqualTo(1);
    assertThat(inbox(officer, "SUPPLY_LOW_STOCK", warehouse)).isEqualTo(1);
    assertThat(inbox(officer, "SUPPLY_EXPIRING", warehouse)).isEqualTo(1);
    assertThat(inbox(otherKeeper, "SUPPLY_LOW_STOCK", warehouse)).as("a keeper of another warehouse").isZero();
    assertThat(inbox(otherKeeper, "SUPPLY_EXPIRING", warehouse)).isZero();
    assertThat(jdbc.sql("select link from notification where recipient = :u and kind = 'SUPPLY_EXPIRING'"
        + " and title like :w").param("u", keeper).param("w", "%告警测试库 " + warehouse + "%").query(String.class)
        .single()).isEqualTo("/supplies/keeper?warehouse=" + warehouse);
    assertThat(api.as(keeper, SupplyFixtures.KEEPER_PASSWORD).get("/api/v1/notifications").body())
        .contains("库存不足").contains("告警测试库 " + warehouse);
  }

  private long inbox(String username, String kind, String warehouse) {
    return jdbc.sql("select count(*) from notification where recipient = :u and kind = :k and title like :w")
        .param("u", username).param("k", kind).param("w", "%告警测试库 " + warehouse + "%").query(Long.class).single();
  }
}
