package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.supplies.internal.StockStore;
import org.epicommand.support.Acting;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stock board reads the rollup {@code supply_stock_level} that triggers keep in step with the lots and daily
 * use: after receipts (by hand and by import), issues, a transfer, a count and an allocation its figures are
 * those of the sums over the lots and the window's daily use, also when the window moves to another day and a
 * cell's use falls out of it.
 */
@EpiCommandTest
class StockLevelRollupTest {

  private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  private static final int WINDOW = 7;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  StockBoard board;
  @Autowired
  StockStore store;
  @Autowired
  ImportPrincipals principals;

  @Test
  void theBoardsLevelsAreTheSumsOverLotsAndTheWindowsUse() {
    Api.Caller office = api.as("commander");
    String item = SupplyFixtures.item(api);
    String other = SupplyFixtures.item(api);
    String depot = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    String store2 = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    LocalDate today = LocalDate.now(CITY);
    SupplyFixtures.receive(api, depot, item, "A1", 1_000, today.plusDays(300));
    SupplyFixtures.receive(api, depot, item, "A2", 400, today.plusDays(20));
    SupplyFixtures.receive(api, depot, item, "A1", 100, today.plusDays(300));
    String csv = "仓库编码,物资编码,批号,数量,有效期至,来源,供货单位\n"
        + depot + "," + other + ",I-1,900,,PURCHASE,华东医药\n" + store2 + "," + other + ",I-2,50,,DONATION,爱心企业\n";
    assertThat(office.upload("/api/v1/imports/stock-receipts?wait=true", "receipts.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(office.post("/api/v1/supplies/movements", SupplyFixtures.movement("ISSUE", depot, item, null, 450))
        .status()).isEqualTo(201);
    assertThat(office.post("/api/v1/supplies/movements", SupplyFixtures.movement("ISSUE", depot, other, "I-1", 90))
        .status()).isEqualTo(201);
    Map<String, Object> transfer = SupplyFixtures.movement("TRANSFER", depot, item, "A1", 80);
    transfer.put("toWarehouseCode", store2);
    assertThat(office.post("/api/v1/supplies/movements", transfer).status()).isEqualTo(201);
    assertThat(office.post("/api/v1/supplies/movements", SupplyFixtures.movement("COUNT_ADJUSTMENT", store2, other,
        "I-2", 47)).status()).isEqualTo(201);
    String request = SupplyFixtures.draft(api.as("district"), SupplyFixtures.DISTRICT, "HIGH", item, 120);
    SupplyFixtures.step(api.as("district"), request, "submit", null);
    SupplyFixtures.step(office, request, "approve", null);
    assertThat(SupplyFixtures.step(office, request, "allocate", Map.of("warehouseCode", depot)).status())
        .isEqualTo(200);
    // use from before the window (and one day inside it) of a cell, as older issues left it
    jdbc.sql("insert into supply_daily_use (warehouse_code, item_code, day, quantity) values (:wh, :item, :old, 700),"
            + " (:wh, :item, :recent, 35)").param("wh", store2).param("item", item)
        .param("old", today.minusDays(WINDOW + 3)).param("recent", today.minusDays(2)).update();

    List<StockBoard.StockDays> days = Acting.as(principals, "commander", () -> board.stockDays(null, null));
    StockBoard.StockDays depotItem = cell(days, depot, item);
    assertThat(depotItem.onHand()).as("1,500 received, 450 issued, 80 moved, 120 allocated").isEqualTo(850);
    assertThat(depotItem.averageDailyUse()).as("(450 + 120) ÷ 7").isEqualTo(81.4);
    assertThat(cell(days, store2, item).onHand()).isEqualTo(80);
    assertThat(cell(days, store2, item).averageDailyUse()).as("35 ÷ 7; the 700 before the window do not count")
        .isEqualTo(5.0);
    assertThat(cell(days, store2, other).onHand()).as("counted").isEqualTo(47);
    assertThat(cell(days, depot, other).onHand()).isEqualTo(810);

    JurisdictionScope district = new JurisdictionScope(SupplyFixtures.DISTRICT, jdbc.sql(
        "select jurisdiction_path from supply_warehouse where code = :wh").param("wh", depot).query(String.class)
        .single());
    for (LocalDate day : List.of(today, today.plusDays(1), today.plusDays(WINDOW + 1), today.minusDays(5), today)) {
      LocalDate from = day.minusDays(WINDOW);
      assertThat(store.levels(district, null, null, from, day)).as("the window ending " + day)
          .isEqualTo(summed(district, from, day)).isNotEmpty();
    }
    assertThat(store.moveWindow(today.minusDays(WINDOW), today)).as("the window is at today already").isFalse();
    assertThat(Acting.as(principals, "commander", () -> board.stockDays(null, null))).isEqualTo(days);

    // writes after the window moved keep the rollup in step
    assertThat(office.post("/api/v1/supplies/movements", SupplyFixtures.movement("ISSUE", store2, item, null, 10))
        .status()).isEqualTo(201);
    assertThat(store.levels(district, null, null, today.minusDays(WINDOW), today))
        .isEqualTo(summed(district, today.minusDays(WINDOW), today));
    assertThat(cell(Acting.as(principals, "commander", () -> board.stockDays(null, item)), store2, item)
        .averageDailyUse()).as("(35 + 10) ÷ 7").isEqualTo(6.4);

    String summary = office.get("/supplies?view=warehouses").body();
    assertThat(summary).contains("data-testid=\"warehouse-summary\"").contains("data-warehouse=\"" + depot + "\"")
        .contains("储备库 " + depot).contains("最少可用天数").doesNotContain("data-testid=\"stock-board\"")
        .doesNotContain("supplies.");
    String one = office.get("/supplies?item=" + item).body();
    assertThat(one).contains("data-testid=\"item-board\"").contains("data-warehouse=\"" + store2 + "\"")
        .contains("医用防护口罩 " + item).doesNotContain("data-warehouse=\"" + SupplyFixtures.code("NONE") + "\"");
    assertThat(office.header("Accept-Language", "en").get("/supplies?view=warehouses").body())
        .contains("Fewest days of stock").contains("Show every item");
  }

  private static StockBoard.StockDays cell(List<StockBoard.StockDays> days, String warehouse, String item) {
    return days.stream().filter(d -> d.warehouseCode().equals(warehouse) && d.itemCode().equals(item)).findFirst()
        .orElseThrow();
  }

  /** The board's figures as they were computed before the rollup: from the lots and daily use themselves. */
  private List<StockStore.Level> summed(JurisdictionScope scope, LocalDate from, LocalDate to) {
    String sql = "with stock as (select l.warehouse_code, l.item_code, sum(l.on_hand) as on_hand"
        + " from supply_stock_lot l join supply_warehouse w on w.code = l.warehouse_code where w.retired_at is null"
        + " and " + scope.predicate("w.jurisdiction_path") + " group by l.warehouse_code, l.item_code)"
        + " select s.warehouse_code, s.item_code, s.on_hand, coalesce(sum(u.quantity), 0) from stock s"
        + " left join supply_daily_use u on u.warehouse_code = s.warehouse_code and u.item_code = s.item_code"
        + " and u.day > :from and u.day <= :to group by s.warehouse_code, s.item_code, s.on_hand"
        + " order by s.warehouse_code, s.item_code";
    return scope.bind(jdbc.sql(sql)).param("from", from).param("to", to).query((rs, n) -> new StockStore.Level(
        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
  }
}
