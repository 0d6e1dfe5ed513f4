package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Supplies on a phone (390 px): a district drafts and submits a request and, once the supplies group
 * has dispatched it, confirms receipt with a shortfall; a warehouse keeper issues from a batch by its
 * number. The stock board at desktop width.
 */
@EpiCommandTest
class SuppliesPhoneBrowserTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;


  private String item(String code) {
    Api.Answer created = api.as("commander").post("/api/v1/supplies/items", Map.of("code", code, "nameZh",
        "防护服" + code, "nameEn", "Suit " + code, "category", "PROTECTIVE_SUIT", "unit", "套"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  private String warehouse(String code) {
    Api.Answer created = api.as("commander").post("/api/v1/supplies/warehouses", Map.of("code", code, "name",
        "手机测试库" + code, "kind", "DISTRICT_RESERVE", "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    api.as("commander").post("/api/v1/supplies/movements", Map.of("operation", "RECEIPT", "warehouseCode", code,
        "itemCode", code.replace("W", "I"), "batchNo", "PH-1", "quantity", 500, "expiryDate", TODAY.plusDays(90)
            .toString()));
    return code;
  }

  @Test
  void aDistrictRequestsOnAPhoneAndConfirmsReceiptWithAShortfall() {
    long n = System.nanoTime() % 1_000_000;
    String item = item("I" + n);
    String warehouse = warehouse("W" + n);
    String id;
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/supplies/requests");
      if (page.locator("[data-testid=request-form]").getAttribute("open") == null) {
        page.locator("[data-testid=request-form] summary").click();
      }
      page.fill("#req-unit", "东湖区某街道");
      page.selectOption("#req-priority", "URGENT");
      page.fill("#req-purpose", "封控小区防护");
      page.selectOption("#req-item-1", item);
      page.fill("#req-quantity-1", "120");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "supplies-request-phone-form");
      page.click("[data-testid=request-create]");
      page.waitForSelector("[data-testid=request-state]");
      assertThat(page.textContent("[data-testid=request-state]")).isEqualTo("草稿");
      page.click("[data-testid=submit]");
      page.waitForSelector("text=已办理");
      assertThat(page.textContent("[data-testid=request-state]")).isEqualTo("待审批");
      id = page.url().substring(page.url().lastIndexOf('/') + 1);

      Api.Caller office = api.as("commander");
      assertThat(office.post("/api/v1/supplies/requests/" + id + "/approve", "{}").status()).isEqualTo(200);
      assertThat(office.post("/api/v1/supplies/requests/" + id + "/allocate", Map.of("warehouseCode", warehouse))
          .status()).isEqualTo(200);
      String plate = String.format("浙A%05d", n % 100_000);
      String pass = office.post("/api/v1/green-passes", Map.of("plate", plate, "cargo", "防护服", "validFrom",
          TODAY.toString(), "validTo", TODAY.plusDays(2).toString())).json().get("passNumber").asString();
      Api.Answer dispatched = office.post("/api/v1/supplies/requests/" + id + "/dispatch", Map.of("vehiclePlate", plate,
          "driver", "王师傅", "driverPhone", "13800000000", "greenPassNumber", pass));
      assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);

      page.navigate(api.baseUrl() + "/supplies/requests/" + id);
      assertThat(page.textContent("[data-testid=dispatch]")).contains(plate).contains(pass);
      page.fill("#received-0", "110");
      page.fill("#receive-note", "外箱破损10套");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "supplies-receipt-phone");
      page.click("[data-testid=receive]");
      page.waitForSelector("text=已办理");
      assertThat(page.textContent("[data-testid=request-state]")).isEqualTo("签收有差异");
      Browser.fitsThePhone(page);
    }
    JsonNode request = api.as("district").get("/api/v1/supplies/requests/" + id).json();
    assertThat(request.get("lines").get(0).get("received").asLong()).isEqualTo(110);
    assertThat(request.get("dispatch").get("discrepancyNote").asString()).isEqualTo("外箱破损10套");
  }

  @Test
  void aKeeperIssuesFromABatchOnAPhoneAndTheBoardShowsTheStock() {
    long n = System.nanoTime() % 1_000_000;
    item("I" + n);
    String warehouse = warehouse("W" + n);
    String keeper = "keeperb" + n;
    api.as("admin").post("/api/v1/users", Map.of("username", keeper, "password", "Keeper12345",
        "roles", List.of("WAREHOUSE_OPERATOR"), "jurisdictionCode", DemoPlaces.DISTRICT));
    assertThat(api.as("admin").post("/api/v1/supplies/warehouse-keepers/" + warehouse, Map.of("username", keeper))
        .status()).isEqualTo(201);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), keeper, "Keeper12345");
      page.navigate(api.baseUrl() + "/supplies/keeper");
      page.selectOption("#keeper-item", "I" + n);
      page.fill("#keeper-batch", "PH-1");
      page.fill("#keeper-quantity", "120");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "supplies-keeper-phone");
      page.click("[data-testid=keeper-submit]");
      page.waitForSelector("text=已办理");
      assertThat(page.textContent("[data-batch=PH-1] [data-testid=lot-on-hand]")).isEqualTo("380");
      Browser.fitsThePhone(page);
    }
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/supplies?district=990101");
      assertThat(page.textContent("[data-testid=stock-board]")).contains("手机测试库W" + n);
      Browser.screenshot(page, "supplies-board");
    }
  }
}
