package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deployment's named workers on a 390-px phone: the commander picks two nurses of the registry for a
 * deployment of two ("named 2 of 2"), is told clearly that a third is beyond the headcount, takes one off and
 * sees the place counted again.
 */
@EpiCommandTest
class DeploymentWorkersBrowserTest {

  @Autowired
  Api api;

  @Test
  void theCommanderNamesAndTakesOffWorkersOnAPhone() {
    String suffix = UUID.randomUUID().toString().substring(0, 4);
    Map<String, Object> plan = new HashMap<>();
    plan.put("staffKind", "NURSE");
    plan.put("headcount", 2);
    plan.put("sourceTeam", "点名支援队" + suffix);
    plan.put("targetHospitalCode", "H-FC01");
    String id = api.as("commander").post("/api/v1/staff-deployments", plan).json().get("id").asString();
    String[] names = {"钟护士" + suffix, "韩护士" + suffix, "罗护士" + suffix};
    String[] persons = new String[3];
    for (int i = 0; i < 3; i++) {
      persons[i] = People.resident(names[i], "990101001003").id(api);
    }

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/treatment/deployments");
      page.locator("[data-id='" + id + "'] [data-testid=deployment-link]").click();
      page.waitForSelector("[data-testid=worker-form]");
      assertThat(page.locator("[data-testid=named-count]").textContent()).isEqualTo("已点名 0 / 2 人");
      assertThat(page.content()).contains("尚未点名人员");
      for (int i = 0; i < 2; i++) {
        PersonPickerBrowserTest.choose(page, "personId", names[i], persons[i]);
        page.click("[data-testid=worker-save]");
        page.waitForSelector("[data-testid=notice]");
        assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已点名");
      }
      assertThat(page.locator("[data-testid=named-count]").textContent()).isEqualTo("已点名 2 / 2 人");
      assertThat(page.locator("[data-testid=workers]").textContent()).contains(names[0]).contains(names[1])
          .contains("护士");

      PersonPickerBrowserTest.choose(page, "personId", names[2], persons[2]);
      page.click("[data-testid=worker-save]");
      page.waitForSelector("[data-testid=problem]");
      assertThat(page.locator("[data-testid=problem]").textContent()).isEqualTo("已点名人数已达派出人数（2 人）");
      assertThat(page.locator("[data-testid=named-count]").textContent()).isEqualTo("已点名 2 / 2 人");

      page.locator("[data-person='" + persons[0] + "'] [data-testid=worker-end]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已撤下");
      assertThat(page.locator("[data-testid=named-count]").textContent()).isEqualTo("已点名 1 / 2 人");
      assertThat(page.locator("[data-person='" + persons[0] + "']").getAttribute("data-open")).isEqualTo("false");
      assertThat(page.locator("[data-person='" + persons[0] + "']").textContent()).contains("已撤下");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "treatment-deployment-workers-phone");
    }
  }
}
