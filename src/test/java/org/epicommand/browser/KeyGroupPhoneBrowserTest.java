package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The district's overdue list of key-group members on a phone (390 px): a member never sampled stands on it with
 * their organisation and state; the environmental page shows a positive sample's follow-up.
 */
@EpiCommandTest
class KeyGroupPhoneBrowserTest {

  @Autowired
  Api api;

  @Test
  void theOverdueListFitsThePhone() {
    String tag = Long.toString(System.nanoTime() % 10_000_000L);
    String code = "PH" + tag;
    assertThat(api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "口岸装卸" + tag,
        "schedule", Map.of("everyDays", 3))).status()).isEqualTo(201);
    String org = OrganisationFixtures.register(api, "手机冷库" + tag, "WAREHOUSE", OrganisationFixtures.COMMUNITY, null)
        .json().get("creditCode").asString();
    String person = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0).personId();
    assertThat(api.as("district").post("/api/v1/key-groups/" + code + "/members",
        Map.of("personId", person, "organisation", org, "post", "叉车司机")).status()).isEqualTo(201);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district", "demo1234");
      page.navigate(api.baseUrl() + "/keygroups/overdue?group=" + code);
      String list = page.locator("[data-testid=overdue]").textContent();
      assertThat(list).contains("手机冷库" + tag).contains("叉车司机").contains("从未检测");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "keygroup-overdue-phone");
      page.navigate(api.baseUrl() + "/keygroups");
      assertThat(page.locator("[data-testid=groups]").textContent()).contains("口岸装卸" + tag).contains("每 3 天");
      Browser.fitsThePhone(page);
      page.navigate(api.baseUrl() + "/environment");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "keygroup-environment-phone");
    }
  }
}
