package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.epicommand.platform.DatabaseMaintenance;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Items, warehouses and the stock ledger through HTTP: bad input answered per field with nothing
 * stored, duplicates 409, issues first-to-expire-first with on hand never below zero (409 naming it),
 * days of stock from the week's use, keepers limited to their warehouse, the ledger append-only.
 */
@EpiCommandTest
class SupplyStockApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DatabaseMaintenance maintenance;

  @Test
  void itemsAndWarehousesAreCheckedPerFieldAndCodesAreUnique() {
    String code = SupplyFixtures.code("SUIT");
    Api.Answer badUnit = api.as("commander").post("/api/v1/supplies/items", SupplyFixtures.item(code, "吨"));
    assertThat(badUnit.status()).isEqualTo(400);
    assertThat(badUnit.json().get("errors").get(0).get("field").asString()).isEqualTo("unit");
    assertThat(jdbc.sql("select count(*) from supply_item where code = :c").param("c", code).query(Long.class).single())
        .as("nothing stored").isZero();
    Map<String, Object> necessity = SupplyFixtures.item(code, "kg");
    necessity.put("category", "NECESSITY");
    necessity.put("necessity", true);
    Api.Answer created = api.as("commander").post("/api/v1/supplies/items", necessity);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("necessity").asBoolean()).isTrue();
    assertThat(created.json().get("unit").asString()).isEqualTo("kg");
    Api.Answer twice = api.as("commander").post("/api/v1/supplies/items", necessity);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(code);
    assertThat(api.as("district").post("/api/v1/supplies/items", SupplyFixtures.item(SupplyFixtures.code("X"), "只"))
        .status()).as("requesting units do not keep the catalogue").isEqualTo(403);

    Api.Answer badWarehouse = api.as("commander").post("/api/v1/supplies/warehouses", Map.of("code", "W",
        "name", "", "kind", "CITY_RESERVE", "jurisdictionCode", "000000"));
    assertThat(badWarehouse.status()).isEqualTo(400);
    assertThat(badWarehouse.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("code", "name", "jurisdictionCode");
    String reserve = SupplyFixtures.warehouse(api, DemoPlaces.CITY, "CITY_RESERVE");
    JsonNode stock = api.as("commander").get("/api/v1/supplies/warehouses/" + reserve + "/stock").json();
    assertThat(stock.get("warehouse").get("targetDays").asInt()).as("a city reserve holds 30 days").isEqualTo(30);
    assertThat(stock.get("warehouse").get("jurisdictionName").asString()).isEqualTo("滨江市");
  }

  @Test
  void issuesTakeTheFirstToExpireAndNeverGoBelowZero() {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    LocalDate today = CityTime.today();
    SupplyFixtures.receive(api, warehouse, item, "LATE", 50, today.plusDays(400));
    SupplyFixtures.receive(api, warehouse, item, "SOON", 100, today.plusDays(10));
    Api.Answer issued = api.as("commander").post("/api/v1/supplies/movements",
        SupplyFixtures.movement("ISSUE", warehouse, item, null, 120));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    assertThat(issued.json().findValuesAsString("batchNo")).containsExactly("SOON", "LATE");
    assertThat(issued.json().get(0).get("onHand").asLong()).isZero();
    assertThat(issued.json().get(1).get("onHand").asLong()).isEqualTo(30);

    Api.Answer tooMuch = api.as("commander").post("/api/v1/supplies/movements",
        SupplyFixtures.movement("ISSUE", warehouse, item, null, 31));
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.json().get("detail").asString()).contains("30");
    assertThat(tooMuch.json().get("currentState").asString()).isEqualTo("30");
    for (long bad : new long[] {0, -5, 1_000_000_001L}) {
      Api.Answer refused = api.as("commander").post("/api/v1/supplies/movements",
          SupplyFixtures.movement("ISSUE", warehouse, item, null, bad));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
    }
    Api.Answer unknown = api.as("commander").post("/api/v1/supplies/movements",
        SupplyFixtures.movement("ISSUE", "NO-SUCH-WH", "NO-SUCH-ITEM", null, 1));
    assertThat(unknown.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("itemCode", "warehouseCode");
    assertThat(jdbc.sql("select sum(quantity) from supply_stock_movement m join supply_stock_lot l on l.id = m.lot_id"
        + " where l.warehouse_code = :w").param("w", warehouse).query(Long.class).single())
        .as("the ledger sums to on hand").isEqualTo(30);

    JsonNode days = api.as("commander").get("/api/v1/supplies/stock-days?jurisdiction=990101&item=" + item).json();
    assertThat(days).hasSize(1);
    assertThat(days.get(0).get("onHand").asLong()).isEqualTo(30);
    assertThat(days.get(0).get("averageDailyUse").asDouble()).isEqualTo(17.1);
    assertThat(days.get(0).get("daysOfStock").asDouble()).isEqualTo(1.8);
    assertThat(days.get(0).get("status").asString()).isEqualTo("LOW_STOCK");
    JsonNode lots = api.as("commander").get("/api/v1/supplies/warehouses/" + warehouse + "/stock").json().get("lots");
    assertThat(lots).hasSize(1);
    assertThat(lots.get(0).get("batchNo").asString()).isEqualTo("LATE");
    assertThat(lots.get(0).get("expiring").asBoolean()).isFalse();

    // the application's role has no right to change the ledger; the schema's owner is stopped by the trigger
    String rewrite = "update supply_stock_movement set quantity = 0 where lot_id in"
        + " (select id from supply_stock_lot where warehouse_code = :w)";
    assertThatThrownBy(() -> jdbc.sql(rewrite).param("w", warehouse).update())
        .as("the application may not rewrite the ledger").rootCause().hasMessageContaining("permission denied");
    assertThatThrownBy(() -> JdbcClient.create(maintenance.dataSource()).sql(rewrite).param("w", warehouse).update())
        .as("the ledger is append-only").rootCause().hasMessageContaining("append-only");
  }

  @Test
  void donationsWaitForTheirCertificateCountsAndTransfersAreLedgered() {
    String item = SupplyFixtures.item(api);
    String depot = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DONATION_DEPOT");
    String store = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "SITE_STORE");
    Map<String, Object> donation = SupplyFixtures.movement("RECEIPT", depot, item, "DON-1", 500);
    donation.put("source", "DONATION");
    donation.put("supplier", "爱心企业");
    assertThat(api.as("commander").post("/api/v1/supplies/movements", donation).status()).isEqualTo(201);
    Api.Answer issue = api.as("commander").post("/api/v1/supplies/movements",
        SupplyFixtures.movement("ISSUE", depot, item, "DON-1", 10));
    assertThat(issue.status()).isEqualTo(409);
    assertThat(issue.json().get("detail").asString()).contains("资质");

    SupplyFixtures.receive(api, depot, item, "BUY-1", 200, CityTime.today().plusDays(20));
    Map<String, Object> transfer = SupplyFixtures.movement("TRANSFER", depot, item, "BUY-1", 80);
    transfer.put("toWarehouseCode", store);
    Api.Answer moved = api.as("commander").post("/api/v1/supplies/movements", transfer);
    assertThat(moved.status()).as(moved.body()).isEqualTo(201);
    assertThat(moved.json().findValuesAsString("kind")).containsExactly("TRANSFER_OUT", "TRANSFER_IN");
    JsonNode storeLots = api.as("commander").get("/api/v1/supplies/warehouses/" + store + "/stock").json().get("lots");
    assertThat(storeLots.get(0).get("onHand").asLong()).isEqualTo(80);
    assertThat(storeLots.get(0).get("expiring").asBoolean()).as("expires within 30 days").isTrue();

    Api.Answer counted = api.as("commander").post("/api/v1/supplies/movements",
        SupplyFixtures.movement("COUNT_ADJUSTMENT", depot, item, "BUY-1", 115));
    assertThat(counted.status()).isEqualTo(201);
    assertThat(counted.json().get(0).get("quantity").asLong()).as("120 booked, 115 counted").isEqualTo(-5);
    assertThat(counted.json().get(0).get("onHand").asLong()).isEqualTo(115);
  }

  @Test
  void aKeeperWorksInTheirWarehouseAloneAndOtherDivisionsAreNotFound() {
    String item = SupplyFixtures.item(api);
    String own = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "SITE_STORE");
    String other = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "SITE_STORE");
    String elsewhere = SupplyFixtures.warehouse(api, SupplyFixtures.OTHER_DISTRICT, "DISTRICT_RESERVE");
    String keeper = SupplyFixtures.keeper(api, own, SupplyFixtures.DISTRICT);
    Api.Caller asKeeper = api.as(keeper, SupplyFixtures.KEEPER_PASSWORD);
    Map<String, Object> receipt = SupplyFixtures.movement("RECEIPT", own, item, "K-1", 40);
    assertThat(asKeeper.post("/api/v1/supplies/movements", receipt).status()).isEqualTo(201);
    assertThat(asKeeper.get("/api/v1/supplies/warehouses").json().findValuesAsString("code")).containsExactly(own);
    assertThat(asKeeper.get("/api/v1/supplies/warehouses/" + other + "/stock").status()).isEqualTo(404);
    assertThat(asKeeper.post("/api/v1/supplies/movements", SupplyFixtures.movement("RECEIPT", other, item, "K-1", 1))
        .status()).isEqualTo(404);
    assertThat(asKeeper.post("/api/v1/supplies/items", SupplyFixtures.item(SupplyFixtures.code("K"), "只")).status())
        .isEqualTo(403);
    Api.Answer twice = api.as("admin").post("/api/v1/supplies/warehouse-keepers/" + own, Map.of("username", keeper));
    assertThat(twice.status()).isEqualTo(409);
    Api.Answer notKeeper = api.as("admin").post("/api/v1/supplies/warehouse-keepers/" + own,
        Map.of("username", "district"));
    assertThat(notKeeper.status()).isEqualTo(400);
    assertThat(api.as("district").get("/api/v1/supplies/warehouses/" + elsewhere + "/stock").status())
        .as("district staff do not read stock").isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SUPPLY_WAREHOUSE' and subject_id = :w"
        + " and detail = :d").param("w", own).param("d", "bound " + keeper).query(Long.class).single()).isEqualTo(1);
  }
}
