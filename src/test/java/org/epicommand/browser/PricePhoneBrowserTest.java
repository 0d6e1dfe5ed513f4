package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Prices and the supply catalogue on a phone (390 px): the district commerce bureau reports today's price at a
 * market, sees the rise raised as an alert and lifts a markup cap with its reason; the supplies group opens the
 * catalogue, corrects and retires an item.
 */
@EpiCommandTest
class PricePhoneBrowserTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;


  @Test
  void theBureauReportsAPriceSeesTheRiseAndLiftsACap() {
    String market = "MP" + System.nanoTime() % 1_000_000;
    String name = "手机报价市场" + market;
    Api.Caller bureau = api.as("price");
    assertThat(bureau.post("/api/v1/prices/markets", Map.of("code", market, "name", name, "kind", "WET_MARKET",
        "jurisdictionCode", "990101001", "supplyGuarantee", true)).status()).isEqualTo(201);
    assertThat(bureau.post("/api/v1/prices", Map.of("marketCode", market, "commodity", "TOMATO", "date",
        TODAY.minusDays(1).toString(), "price", new BigDecimal("3.00"))).status()).isEqualTo(201);
    assertThat(bureau.put("/api/v1/prices/caps", Map.of("commodity", "TOMATO", "marketCode", market,
        "purchasePrice", 2.50, "maxMarkupPct", 30)).status()).isEqualTo(200);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "price");
      page.navigate(api.baseUrl() + "/prices?commodity=TOMATO");
      Browser.fitsThePhone(page);
      // the cap form lines up with the list above it (no row margins pulling it out of the column)
      assertThat(page.locator("[data-testid=cap-form]").boundingBox().x)
          .isEqualTo(page.locator("[data-testid=price-caps]").boundingBox().x);
      page.locator("[data-testid=price-report] summary").click();
      page.selectOption("#report-market", market);
      assertThat(page.inputValue("#report-commodity")).isEqualTo("TOMATO");
      assertThat(page.inputValue("#report-date")).isEqualTo(TODAY.toString());
      page.fill("#report-price", "3.45");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "prices-phone-report");
      page.click("[data-testid=price-report-submit]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.textContent("[data-testid=notice]")).contains("价格已上报");
      Locator alert = page.locator("[data-testid=price-alerts] li[data-kind=PRICE_RISE]", new Page.LocatorOptions()
          .setHasText(name));
      assertThat(alert.count()).isEqualTo(1);
      assertThat(alert.textContent()).contains("西红柿").contains(TODAY.toString());
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "prices-phone-alert");

      Locator cap = page.locator("[data-testid=price-caps] li[data-commodity=TOMATO][data-market='" + market + "']");
      assertThat(cap.count()).isEqualTo(1);
      cap.locator("input[name=reason]").fill("货源恢复，解除限价");
      Browser.screenshot(page, "prices-phone-cap");
      cap.locator("[data-testid=cap-lift]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=price-caps] li[data-market='" + market + "']").count()).isZero();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "prices-phone-cap-lifted");
    }
    assertThat(bureau.get("/api/v1/prices/caps/lifted").json().valueStream()
        .filter(c -> market.equals(c.get("marketCode").asString(null))).map(c -> c.get("reason").asString()).toList())
        .containsExactly("货源恢复，解除限价");
    assertThat(bureau.get("/api/v1/prices/series?commodity=TOMATO&market=" + market).json().valueStream()
        .filter(p -> p.get("date").asString().equals(TODAY.toString())).map(p -> p.get("price").decimalValue())
        .toList()).singleElement().satisfies(p -> assertThat(p).isEqualByComparingTo("3.45"));
  }

  @Test
  void theSuppliesGroupCorrectsAndRetiresAnItemOnThePhoneCatalogue() {
    String code = "PC" + System.nanoTime() % 1_000_000;
    assertThat(api.as("commander").post("/api/v1/supplies/items", Map.of("code", code, "nameZh", "手机目录隔离衣" + code,
        "nameEn", "Gown " + code, "category", "ISOLATION_GOWN", "unit", "件")).status()).isEqualTo(201);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/supplies/catalog");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "supplies-catalog-phone");
      Locator item = page.locator("[data-testid=item-" + code + "]");
      item.locator("summary").click();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "supplies-catalog-phone-edit");
      item.locator("input[name=minOnHand]").fill("250");
      item.locator("button[type=submit]").first().click();
      page.waitForSelector("[data-testid=notice]");
      item = page.locator("[data-testid=item-" + code + "]");
      assertThat(item.textContent()).contains("最低库存 250");
      item.locator("summary").click();
      item.locator("[data-testid=retire-item-" + code + "]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=item-" + code + "]").textContent()).contains("已停用");
      Browser.fitsThePhone(page);
    }
    assertThat(api.as("commander").get("/api/v1/supplies/items/" + code).json().get("active").asBoolean()).isFalse();
  }
}
