package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Items and warehouses corrected (PUT) and retired through HTTP: a correction audited, bad fields 400
 * with nothing stored, a retired record still readable but out of the pickers and refusing new work
 * with 409 naming RETIRED, the import still idempotent; the master-data page and the dashboard tile.
 */
@EpiCommandTest
class SupplyMasterDataApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void anItemIsCorrectedAndRetiredAndThenRefusesNewWork() {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    Api.Caller office = api.as("commander");
    Map<String, Object> body = SupplyFixtures.item(item, "盒");
    body.put("nameZh", "KN95 口罩（更正）");
    body.put("minOnHand", 50);
    Api.Answer corrected = office.put("/api/v1/supplies/items/" + item, body);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("nameZh").asString()).isEqualTo("KN95 口罩（更正）");
    assertThat(office.get("/api/v1/supplies/items/" + item).json().get("unit").asString()).isEqualTo("盒");
    assertThat(audits("SUPPLY_ITEM", item)).as("created and corrected").isEqualTo(2);

    Map<String, Object> bad = SupplyFixtures.item(item, "桶桶");
    bad.put("nameZh", " ");
    Api.Answer refused = office.put("/api/v1/supplies/items/" + item, bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"nameZh\"")
        .contains("\"field\":\"unit\"");
    Map<String, Object> otherCode = SupplyFixtures.item("OTHER-1", "盒");
    assertThat(office.put("/api/v1/supplies/items/" + item, otherCode).json().get("errors").get(0).get("field")
        .asString()).isEqualTo("code");
    assertThat(office.get("/api/v1/supplies/items/" + item).json().get("nameZh").asString())
        .as("nothing stored").isEqualTo("KN95 口罩（更正）");
    assertThat(api.as("district").put("/api/v1/supplies/items/" + item, body).status()).isEqualTo(403);
    assertThat(office.put("/api/v1/supplies/items/NO-SUCH-ITEM", body).status()).isEqualTo(404);

    SupplyFixtures.receive(api, warehouse, item, "R1", 100, CityTime.today().plusDays(90));
    Api.Answer retired = office.post("/api/v1/supplies/items/" + item + "/retire", "{}");
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("active").asBoolean()).isFalse();
    Api.Answer again = office.post("/api/v1/supplies/items/" + item + "/retire", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(again.json().get("detail").asString()).contains("RETIRED");
    assertThat(office.put("/api/v1/supplies/items/" + item, body).json().get("currentState").asString())
        .isEqualTo("RETIRED");
    assertThat(office.get("/api/v1/supplies/items/" + item).status()).as("still readable").isEqualTo(200);
    assertThat(office.get("/api/v1/supplies/items").json().findValuesAsString("code")).doesNotContain(item);
    assertThat(office.get("/api/v1/supplies/items?all=true").json().findValuesAsString("code")).contains(item);
    assertThat(office.get("/api/v1/supplies/warehouses/" + warehouse + "/stock").json().get("lots").get(0)
        .get("onHand").asLong()).as("its stock stays readable").isEqualTo(100);

    Api.Answer issue = office.post("/api/v1/supplies/movements", SupplyFixtures.movement("ISSUE", warehouse, item,
        null, 5));
    assertThat(issue.status()).isEqualTo(409);
    assertThat(issue.json().get("currentState").asString()).isEqualTo("RETIRED");
    Api.Answer request = api.as("district").post("/api/v1/supplies/requests", Map.of("unitName", "东湖区指挥部",
        "priority", "HIGH", "purpose", "x", "lines", List.of(Map.of("itemCode", item, "quantity", 5))));
    assertThat(request.status()).isEqualTo(409);
    assertThat(request.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(audits("SUPPLY_ITEM", item)).as("created, corrected, retired").isEqualTo(3);
  }

  @Test
  void aWarehouseIsCorrectedAndRetiredAndTheImportStaysIdempotent() {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    Api.Caller office = api.as("commander");
    String csv = "warehouseCode,itemCode,batchNo,quantity,expiryDate,source,supplier\n"
        + warehouse + "," + item + ",RT-1,300,,,\n";
    assertThat(upload(csv).get("rowsImported").asInt()).isEqualTo(1);
    Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "东湖区储备库（新址）", "kind", "DISTRICT_RESERVE",
        "jurisdictionCode", SupplyFixtures.DISTRICT, "address", "湖滨路 10 号", "targetDays", 20));
    Api.Answer corrected = office.put("/api/v1/supplies/warehouses/" + warehouse, body);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("targetDays").asInt()).isEqualTo(20);
    assertThat(corrected.json().get("name").asString()).isEqualTo("东湖区储备库（新址）");
    body.put("targetDays", 0);
    body.put("kind", null);
    Api.Answer bad = office.put("/api/v1/supplies/warehouses/" + warehouse, body);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"targetDays\"").contains("\"field\":\"kind\"");
    assertThat(office.get("/api/v1/supplies/warehouses/" + warehouse).json().get("targetDays").asInt()).isEqualTo(20);

    assertThat(office.post("/api/v1/supplies/warehouses/" + warehouse + "/retire", "{}").json().get("active")
        .asBoolean()).isFalse();
    assertThat(office.post("/api/v1/supplies/warehouses/" + warehouse + "/retire", "{}").json().get("currentState")
        .asString()).isEqualTo("RETIRED");
    assertThat(office.get("/api/v1/supplies/warehouses/" + warehouse).json().get("active").asBoolean()).isFalse();
    assertThat(office.get("/api/v1/supplies/warehouses").json().findValuesAsString("code")).doesNotContain(warehouse);
    Api.Answer receipt = office.post("/api/v1/supplies/movements", SupplyFixtures.movement("RECEIPT", warehouse, item,
        "RT-2", 5));
    assertThat(receipt.status()).isEqualTo(409);
    assertThat(receipt.json().get("currentState").asString()).isEqualTo("RETIRED");
    JsonNode reimport = upload(csv);
    assertThat(reimport.get("rowsImported").asInt()).as("the same file adds nothing").isZero();
    assertThat(jdbc.sql("select on_hand from supply_stock_lot where warehouse_code = :w and batch_no = 'RT-1'")
        .param("w", warehouse).query(Long.class).single()).isEqualTo(300);
    assertThat(audits("SUPPLY_WAREHOUSE", warehouse)).as("created, corrected, retired").isEqualTo(3);
  }

  @Test
  void theCatalogPageCorrectsAndRetiresAndTheDashboardShowsTheSuppliesTile() {
    String item = SupplyFixtures.item(api);
    WebSession office = WebSession.login(api, "commander");
    WebSession.Page page = office.get("/supplies/catalog");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("物资与仓库").contains("医用防护口罩 " + item).contains("data-testid=\"retire-item-"
        + item + "\"").doesNotContain("supplies.");
    office.postForm("/supplies/items/" + item, Map.of("nameZh", "更正后的口罩", "nameEn", "Corrected mask", "category",
        "MASK_N95", "unit", "只", "minOnHand", "abc"), true);
    assertThat(api.as("commander").get("/api/v1/supplies/items/" + item).json().get("nameZh").asString())
        .as("a bad number stores nothing").startsWith("医用防护口罩");
    office.postForm("/supplies/items/" + item, Map.of("nameZh", "更正后的口罩", "nameEn", "Corrected mask", "category",
        "MASK_N95", "unit", "只", "minOnHand", "10"), true);
    assertThat(api.as("commander").get("/api/v1/supplies/items/" + item).json().get("nameZh").asString())
        .isEqualTo("更正后的口罩");
    office.postForm("/supplies/items/" + item + "/retire", Map.of(), true);
    assertThat(office.get("/supplies/catalog").body()).contains("已停用");
    assertThat(office.get("/supplies/keeper").body()).doesNotContain("更正后的口罩");
    assertThat(api.as("commander").header("Accept-Language", "en").get("/supplies/catalog").body())
        .contains("Items and warehouses").contains("Retired");
    assertThat(WebSession.login(api, "district").get("/supplies/catalog").status()).isEqualTo(403);

    assertThat(office.get("/analytics/dashboard?district=990101").body())
        .contains("hx-get=\"/supplies/tile?district=990101\"");
    WebSession.Page tile = office.get("/supplies/tile?district=990101");
    assertThat(tile.status()).isEqualTo(200);
    assertThat(tile.body()).contains("data-testid=\"tile-supplies\"").contains("物资告警")
        .contains("data-testid=\"tally-supplies.alert.LOW_STOCK\"");
    assertThat(office.get("/supplies/tile?district=990102001").status()).isIn(200, 404);
    assertThat(office.get("/supplies/tile?district=NOPE").status()).isEqualTo(404);
  }

  private JsonNode upload(String csv) {
    Api.Answer done = api.as("commander").upload("/api/v1/imports/stock-receipts?wait=true", "receipts.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    return done.json();
  }

  private long audits(String subject, String code) {
    return jdbc.sql("select count(*) from audit_event where subject_type = :s and subject_id = :c")
        .param("s", subject).param("c", code).query(Long.class).single();
  }
}
