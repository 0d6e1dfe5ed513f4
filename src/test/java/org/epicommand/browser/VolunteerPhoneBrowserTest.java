package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.epicommand.lockdown.LockdownFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A sealed-area volunteer on a phone (390 px): their home card, the "my tasks" page with their shift
 * and a delivery for a vulnerable person's household (flagged), checking in and delivering; the same
 * page in English.
 */
@EpiCommandTest
class VolunteerPhoneBrowserTest {

  private static final String PASSWORD = "Volunteer2022xyz";

  @Autowired
  Api api;

  @Test
  void aVolunteerChecksInAndDeliversOnThePhone() {
    long n = System.nanoTime() % 100_000;
    String username = "phonevol" + n;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of("VOLUNTEER"), "jurisdictionCode", LockdownFixtures.COMMUNITY)).status()).isEqualTo(201);
    LocalDate today = OffsetDateTime.now(ZoneOffset.ofHours(8)).toLocalDate();
    String worker = api.as("community").post("/api/v1/lockdown/workers", Map.of("name", "手机志愿者" + n % 100,
        "phone", LockdownFixtures.phone(), "source", "VOLUNTEER", "availableFrom", today.toString(), "username",
        username)).json().get("id").asString();
    JsonNode area = LockdownFixtures.area(api, "手机志愿小区", LockdownFixtures.COMMUNITY, true);
    String areaPath = "/api/v1/lockdown/areas/" + area.get("id").asString();
    String post = api.as("community").post(areaPath + "/posts", Map.of("kind", "DELIVERY", "name", "配送点" + n))
        .json().get("id").asString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    assertThat(api.as("community").post("/api/v1/lockdown/posts/" + post + "/shifts", Map.of("workerId", worker,
        "startsAt", now.minusHours(1).toString(), "endsAt", now.plusHours(7).toString())).status()).isEqualTo(201);
    String address = "志愿手机路" + n + "号2号楼301";
    String household = LockdownFixtures.household(api, "手机老人", address, LockdownFixtures.COMMUNITY);
    assertThat(api.as("community").post(areaPath + "/vulnerable", Map.of("householdId", household, "name", "李爷爷",
        "category", "DIALYSIS")).status()).isEqualTo(201);
    String request = api.as("community").post(areaPath + "/requests", Map.of("householdId", household, "need",
        "MEDICINE", "detail", "透析后用药", "phone", "13800001111")).json().get("id").asString();
    api.as("community").post("/api/v1/lockdown/requests/" + request + "/assign", Map.of("assignee", username));

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), username, PASSWORD);
      page.navigate(api.baseUrl() + "/");
      page.waitForSelector("[data-testid=widget-lockdown-my]");
      assertThat(page.locator("[data-testid=widget-lockdown-my]").textContent()).contains("待签到班次").contains("待送达");
      page.navigate(api.baseUrl() + "/lockdown/my");
      assertThat(page.locator("[data-testid=my-shifts]").textContent()).contains("配送点" + n).contains("手机志愿小区");
      assertThat(page.locator("[data-testid=my-deliveries]").textContent()).contains(address).contains("买药")
          .contains("13800001111").contains("重点人群").doesNotContain("李爷爷").doesNotContain("透析，");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "lockdown-volunteer-phone-tasks");

      page.locator("[data-testid=check-in]").click();
      page.waitForSelector("[data-testid=checked-in]");
      assertThat(page.locator("[data-testid=notice]").textContent()).contains("已签到");
      page.fill("[data-request='" + request + "'] input[name=note]", "已放门口，电话告知");
      page.locator("[data-request='" + request + "'] [data-testid=deliver]").click();
      page.waitForSelector("[data-testid=no-deliveries]");
      assertThat(page.locator("[data-testid=notice]").textContent()).contains("已登记送达");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "lockdown-volunteer-phone-done");

      // the registry stays closed to a volunteer
      assertThat(page.navigate(api.baseUrl() + "/lockdown/requests").status()).isEqualTo(403);
    }
    assertThat(api.as("community").get("/api/v1/lockdown/requests/" + request).json().get("closeNote").asString())
        .isEqualTo("已放门口，电话告知");

    try (BrowserContext context = Browser.context(390, 844, true, "en-US")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), username, PASSWORD);
      page.navigate(api.baseUrl() + "/lockdown/my?lang=en");
      assertThat(page.locator("h1").textContent()).contains("My tasks");
      assertThat(page.locator("[data-testid=checked-in]").textContent()).isNotBlank();
      assertThat(page.locator("[data-testid=no-deliveries]").textContent()).contains("No service requests");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "lockdown-volunteer-phone-en");
    }
  }
}
