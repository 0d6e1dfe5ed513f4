package org.epicommand.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code stock-receipts} import (row errors with their lines, a re-import adding nothing), the demo
 * city's supplies seeded through the facades, and the pages answering in Chinese with names, not codes.
 */
@EpiCommandTest
class SupplyImportAndPagesTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void stockReceiptsImportWithRowErrorsAndAgainAddNothing() {
    String item = SupplyFixtures.item(api);
    String warehouse = SupplyFixtures.warehouse(api, SupplyFixtures.DISTRICT, "DISTRICT_RESERVE");
    String expiry = CityTime.today().plusDays(200).toString();
    String csv = "仓库编码,物资编码,批号,数量,有效期至,来源,供货单位\n"
        + warehouse + "," + item + ",IMP-1,1000," + expiry + ",PURCHASE,华东医药\n"
        + warehouse + "," + item + ",IMP-2,\"2,500\",,DONATION,爱心企业\n"
        + warehouse + ",NO-SUCH," + "IMP-3,5,,,\n"
        + warehouse + "," + item + ",IMP-4,0,,,\n"
        + warehouse + "," + item + ",IMP-5,5,2022-13-01,,\n"
        + warehouse + "," + item + ",IMP-1,1000,,,\n";
    Api.Answer done = api.as("commander").upload("/api/v1/imports/stock-receipts?wait=true", "receipts.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("rowsImported").asInt()).isEqualTo(2);
    assertThat(done.json().get("rowsRejected").asInt()).isEqualTo(4);
    assertThat(done.body()).contains("\"row\":4").contains("\"field\":\"itemCode\"").contains("\"row\":5")
        .contains("\"field\":\"quantity\"").contains("\"row\":6").contains("\"field\":\"expiryDate\"")
        .contains("\"row\":7").contains("\"field\":\"batchNo\"");
    Api.Answer again = api.as("commander").upload("/api/v1/imports/stock-receipts?wait=true", "receipts.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(again.json().get("rowsImported").asInt()).isEqualTo(2);
    JsonNode lots = api.as("commander").get("/api/v1/supplies/warehouses/" + warehouse + "/stock").json().get("lots");
    assertThat(lots.findValuesAsString("batchNo")).containsExactly("IMP-1", "IMP-2");
    assertThat(lots.get(0).get("onHand").asLong()).as("received once").isEqualTo(1000);
    assertThat(lots.get(1).get("onHand").asLong()).isEqualTo(2500);
    assertThat(lots.get(1).get("certificateOk").asBoolean()).as("a donation waits for its certificate").isFalse();
    assertThat(api.as("district").upload("/api/v1/imports/stock-receipts?wait=true", "receipts.csv",
        csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
  }

  @Test
  void aSiteManagerRequestsSuppliesFromTheSitePage() {
    JsonNode sites = api.as("site").get("/api/v1/quarantine/sites").json();
    JsonNode site = (sites.has("items") ? sites.get("items") : sites).get(0);
    String page = api.as("site").get("/quarantine/sites/" + site.get("id").asString()).body();
    assertThat(page).contains("为本隔离点申请物资").contains("/supplies/requests?unit=");
    String form = api.as("site").get("/supplies/requests?unit=" + java.net.URLEncoder.encode(site.get("name")
        .asString(),
        StandardCharsets.UTF_8) + "&jurisdiction=" + site.get("jurisdictionCode").asString()).body();
    assertThat(form).contains("value=\"" + site.get("name").asString() + "\"")
        .contains("value=\"" + site.get("jurisdictionCode").asString() + "\"");
  }

  @Test
  void theDemoCityHasStockAlertsAndRequestsAndThePagesShowThem() {
    JsonNode alerts = api.as("commander").get("/api/v1/supplies/stock-alerts").json();
    assertThat(alerts.get("low").findValuesAsString("warehouseCode")).contains("DH-01");
    assertThat(alerts.get("belowTarget").findValuesAsString("itemCode")).contains("AG-KIT");
    assertThat(alerts.get("expiring").findValuesAsString("batchNo")).contains("AG-2209");
    JsonNode demo = api.as("district").get("/api/v1/supplies/requests?state=DISPATCHED").json().get("items");
    assertThat(demo.findValuesAsString("purpose")).contains("核酸采样点补充");

    String board = api.as("commander").get("/supplies").body();
    assertThat(board).contains("物资保障").contains("滨江市应急物资储备库").contains("医用防护口罩（只）").contains("库存不足")
        .doesNotContain("supplies.");
    String widget = api.as("commander").get("/supplies/widget").body();
    assertThat(widget).contains("物资告警").contains("申请超时");
    String list = api.as("district").get("/supplies/requests").body();
    assertThat(list).contains("东湖区疫情防控指挥部").contains("已发运").doesNotContain("supplies.");
    String id = demo.get(0).get("id").asString();
    String page = api.as("district").get("/supplies/requests/" + id).body();
    assertThat(page).contains("确认收货").contains("浙A3W776").doesNotContain("supplies.");
    String english = api.as("commander").header("Accept-Language", "en").get("/supplies").body();
    assertThat(english).contains("Supplies alerts").contains("Low stock");
    assertThat(api.as("district").get("/supplies").status()).as("district staff request, they do not read stock")
        .isEqualTo(403);
    String prices = api.as("commander").get("/prices?commodity=CABBAGE").body();
    assertThat(prices).contains("生活必需品价格").contains("价格上涨").contains("和平里农贸市场").contains("保供库存不足")
        .contains("大白菜").doesNotContain("prices.");
  }

  @Test
  void theDemoCityHasAKeeperBoundToTheDistrictReserveAndAMaskProducer() {
    Api.Caller keeper = api.as("keeper");
    assertThat(keeper.get("/api/v1/supplies/warehouses").json().findValuesAsString("code")).containsExactly("DH-01");
    assertThat(keeper.get("/api/v1/supplies/warehouses/CITY-01/stock").status()).as("not their warehouse")
        .isEqualTo(404);
    assertThat(keeper.get("/supplies/keeper").body()).contains("东湖区防疫物资储备库");
    assertThat(api.as("admin").get("/api/v1/supplies/warehouse-keepers/DH-01").body()).contains("keeper");
    JsonNode producers = api.as("commander").get("/api/v1/supplies/producers").json();
    JsonNode list = producers.has("items") ? producers.get("items") : producers;
    assertThat(list.findValuesAsString("name")).contains("滨江精密机械有限公司");
    assertThat(api.as("commander").get("/supplies").body()).contains("滨江精密机械有限公司");
    assertThat(api.anonymous().get("/login").body()).contains("keeper");
  }
}
