package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.epicommand.lockdown.LockdownFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A community worker at a sealed area's gate on a phone (390 px): checks the shift in, checks an
 * outing pass (valid → let out → no outings left; an unknown number is invalid), then records a
 * household's medicine request on the area's page and delivers it from the requests page.
 */
@EpiCommandTest
class LockdownPhoneBrowserTest {

  @Autowired
  Api api;


  @Test
  void aWorkerAtTheGateChecksInChecksPassesAndWorksOffARequest() {
    long n = System.nanoTime() % 100_000;
    String address = "手机封控路" + n + "号3号楼1单元101";
    String household = LockdownFixtures.household(api, "手机封控户", address, LockdownFixtures.COMMUNITY);
    JsonNode area = LockdownFixtures.area(api, "手机封控小区", LockdownFixtures.COMMUNITY, true);
    String areaId = area.get("id").asString();
    String postId = api.as("community").post("/api/v1/lockdown/areas/" + areaId + "/posts",
        Map.of("kind", "GATE", "name", "手机东门" + n)).json().get("id").asString();
    String worker = LockdownFixtures.worker(api, "值守员" + n % 100);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    assertThat(api.as("community").post("/api/v1/lockdown/posts/" + postId + "/shifts", Map.of("workerId", worker,
        "startsAt", now.minusHours(1).toString(), "endsAt", now.plusHours(7).toString())).status()).isEqualTo(201);
    LocalDate today = now.toLocalDate();
    String number = api.as("community").post("/api/v1/lockdown/areas/" + areaId + "/passes", Map.of("householdId",
        household, "purpose", "MEDICAL", "validFrom", today.toString(), "validTo", today.plusDays(1).toString(),
        "outings", 1)).json().get("number").asString();

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/lockdown/posts/" + postId);
      Browser.fitsThePhone(page);
      page.locator("[data-testid=check-in]").click();
      page.waitForSelector("[data-testid=checked-in]");
      assertThat(page.locator("[data-testid=post-shifts]").textContent()).contains("值守员" + n % 100);

      page.locator("[data-testid=pass-check] input[name=number]").fill(number.toLowerCase());
      page.locator("[data-testid=pass-check] button").click();
      Locator status = page.locator("[data-testid=pass-status]");
      assertThat(status.getAttribute("data-status")).isEqualTo("VALID");
      assertThat(status.textContent()).contains("有效").contains(address).contains("就医");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "lockdown-post-phone");
      page.locator("[data-testid=let-out]").click();
      page.waitForSelector("text=已放行登记");
      page.locator("[data-testid=pass-check] input[name=number]").fill(number);
      page.locator("[data-testid=pass-check] button").click();
      assertThat(page.locator("[data-testid=pass-status]").getAttribute("data-status")).isEqualTo("INVALID");
      assertThat(page.locator("[data-testid=pass-status]").textContent()).contains("外出次数已用完");
      page.locator("[data-testid=pass-check] input[name=number]").fill("FK-NOSUCH99");
      page.locator("[data-testid=pass-check] button").click();
      assertThat(page.locator("[data-testid=pass-status]").textContent()).contains("无效").contains("查无此证");

      page.navigate(api.baseUrl() + "/lockdown/areas/" + areaId);
      Browser.fitsThePhone(page);
      assertThat(page.locator("[data-testid=area-state]").textContent()).isEqualTo("封控中");
      assertThat(page.locator("[data-testid=gaps]").textContent()).contains("手机东门" + n);
      Locator form = page.locator("[data-testid=new-request]");
      form.locator("select[name=householdId]").selectOption(new SelectOption().setLabel(address));
      form.locator("select[name=need]").selectOption("MEDICINE");
      form.locator("input[name=detail]").fill("胰岛素 " + n);
      form.locator("button").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=requests]").textContent()).contains("买药").contains(address);
      Browser.screenshot(page, "lockdown-area-phone");

      page.navigate(api.baseUrl() + "/lockdown/requests");
      Locator card = page.locator("[data-testid=request-list] .card",
          new Page.LocatorOptions().setHasText("胰岛素 " + n));
      assertThat(card.locator("[data-testid=state]").textContent()).isEqualTo("待分派");
      card.locator("[data-testid=assign]").click();
      page.waitForSelector("[data-testid=notice]");
      card = page.locator("[data-testid=request-list] .card", new Page.LocatorOptions().setHasText("胰岛素 " + n));
      assertThat(card.locator("[data-testid=state]").textContent()).isEqualTo("办理中");
      Browser.fitsThePhone(page);
      card.locator("input[name=note]").fill("已送药上门");
      card.locator("[data-testid=delivered]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=request-list] .card",
          new Page.LocatorOptions().setHasText("胰岛素 " + n)).count()).isZero();
    }
    assertThat(api.as("community").get("/api/v1/lockdown/requests?state=DELIVERED&areaId=" + areaId).json()
        .get("items").get(0).get("closeNote").asString()).isEqualTo("已送药上门");
  }
}
