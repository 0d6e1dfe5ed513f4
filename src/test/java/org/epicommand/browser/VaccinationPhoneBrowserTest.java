package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The door-to-door list (逐人动员、逐人销号) worked on a phone (390 px): a grid worker books an
 * appointment for one old resident and records another's refusal, which closes the item with its
 * reason; the first one's dose then closes his item too (销号 by the dose).
 */
@EpiCommandTest
class VaccinationPhoneBrowserTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  /** A resident of the community worker's grid, older than anyone the demo city holds (first on the list). */
  private String[] oldResident(String prefix, int age) {
    for (int attempt = 0; attempt < 30; attempt++) {
      String name = prefix + (System.nanoTime() % 10_000);
      String idNumber = People.validId("460106", (TODAY.getYear() - age) + "0101",
          (int) (System.nanoTime() % 800) + 100);
      Api.Answer created = api.as("commander").post("/api/v1/persons",
          People.body(name, idNumber, DemoPlaces.COMMUNITY));
      if (created.status() == 201) {
        return new String[] {created.json().get("id").asString(), name};
      }
    }
    throw new IllegalStateException("no person");
  }

  private static Locator card(Page page, String name) {
    return page.locator("[data-testid=target-items] .card", new Page.LocatorOptions().setHasText(name));
  }

  @Test
  void aGridWorkerBooksAnAppointmentAndClosesARefusalOnAPhone() {
    String[] booked = oldResident("入户预约", 106);
    String[] refusing = oldResident("入户拒绝", 105);
    assertThat(api.as("community").post("/api/v1/vaccination/targets/generate", "").status()).isEqualTo(200);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/vaccination/targets");
      Locator first = card(page, booked[1]);
      assertThat(first.count()).isEqualTo(1);
      assertThat(first.textContent()).contains("80 岁及以上").contains("未接种").contains("今日应访");
      assertThat(Browser.scrollWidth(page)).as("no sideways scrolling").isLessThanOrEqualTo(390);
      Browser.screenshot(page, "vaccination-targets-phone");

      first.locator("[data-testid=visit]").click();
      first.locator("label:has-text('已预约接种')").click();
      first.locator("input[name=date]").fill(TODAY.plusDays(2).toString());
      first.locator("select[name=siteCode]").selectOption("V990101");
      assertThat(Browser.scrollWidth(page)).as("no sideways scrolling").isLessThanOrEqualTo(390);
      Browser.screenshot(page, "vaccination-targets-phone-appointment");
      first.locator("[data-testid=outcome-submit]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).contains("已保存走访结果");
      assertThat(card(page, booked[1]).locator("[data-testid=target-state]").textContent()).isEqualTo("已预约");

      Locator second = card(page, refusing[1]);
      second.locator("[data-testid=visit]").click();
      second.locator("label:has-text('拒绝接种（销号）')").click();
      second.locator("[data-testid=outcome-submit]").click();
      page.waitForSelector("[data-testid=problem]");
      // a refusal needs its reason: the form stays open on the same card
      assertThat(page.locator("[data-testid=problem]").textContent()).isNotBlank();
      second = card(page, refusing[1]);
      assertThat(second.locator("details").getAttribute("open")).isNotNull();
      second.locator("label:has-text('拒绝接种（销号）')").click();
      second.locator("input[name=reason]").fill("担心不良反应，家属不同意");
      second.locator("[data-testid=outcome-submit]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(card(page, refusing[1]).count()).isZero();

      assertThat(api.as("cdc").post("/api/v1/vaccination/doses", Map.of("personId", booked[0], "doseNumber", 1,
          "productCode", "BIBP", "batch", "202212", "date", TODAY.toString(), "siteCode", "V990101")).status())
          .isEqualTo(201);
      page.navigate(api.baseUrl() + "/vaccination/targets");
      assertThat(card(page, booked[1]).count()).isZero();
      page.click("[data-testid=tab-closed]");
      page.waitForURL(url -> url.contains("closed=true"));
      assertThat(card(page, refusing[1]).locator("[data-testid=closed-reason]").textContent())
          .isEqualTo("销号原因：拒绝接种");
      assertThat(card(page, booked[1]).locator("[data-testid=closed-reason]").textContent())
          .isEqualTo("销号原因：已接种");
      assertThat(Browser.scrollWidth(page)).as("no sideways scrolling").isLessThanOrEqualTo(390);
      Browser.screenshot(page, "vaccination-targets-phone-closed");
    }
  }
}
