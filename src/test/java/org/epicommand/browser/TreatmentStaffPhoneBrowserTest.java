package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Equipment, staff deployments and site posts on a 390-px phone: the hospital operator reports ventilators,
 * the medical group sends nurses to the shelter hospital and marks them arrived, the site manager puts a
 * person on a post and sees the gap shrink.
 */
@EpiCommandTest
class TreatmentStaffPhoneBrowserTest {

  @Autowired
  Api api;


  @Test
  void equipmentDeploymentsAndSitePostsWorkOnAPhone() {
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "hospital");
      page.navigate(api.baseUrl() + "/treatment/hospitals/H-DD01");
      page.selectOption("#eq-type", new SelectOption().setValue("O2_CONCENTRATOR"));
      page.fill("#eq-total", "12");
      page.fill("#eq-use", "5");
      page.click("[data-testid=equipment-save]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("设备数已保存");
      assertThat(page.locator("[data-testid=equipment] tr[data-type=O2_CONCENTRATOR] [data-testid=free]")
          .textContent()).isEqualTo("7");
      assertThat(Browser.scrollWidth(page)).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
      Browser.screenshot(page, "treatment-equipment-phone");
    }

    String note = "开舱支援" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/treatment");
      assertThat(page.locator("[data-testid=equipment-totals]").textContent()).contains("呼吸机");
      assertThat(page.locator("[data-testid=shortages]").textContent()).contains("ECMO").contains("已无空闲");
      Browser.screenshot(page, "treatment-board-equipment-phone");
      page.click("[data-testid=deployments-link]");
      page.selectOption("#d-kind", new SelectOption().setValue("NURSE"));
      page.fill("#d-count", "8");
      page.selectOption("#d-target", new SelectOption().setValue("H-FC01"));
      page.selectOption("#d-source", new SelectOption().setValue("H-DD01"));
      page.fill("#d-note", note);
      page.click("[data-testid=deployment-save]");
      page.waitForSelector("[data-testid=notice]");
      Locator item = page.locator("[data-testid=deployments] .list-group-item").filter(
          new Locator.FilterOptions().setHasText(note));
      assertThat(item.getAttribute("data-status")).isEqualTo("PLANNED");
      assertThat(item.textContent()).contains("护士 8 人").contains("东湖区方舱医院").contains("滨江市第一定点医院");
      item.locator("[data-testid=deploy]").click();
      page.waitForSelector("[data-testid=notice]");
      Locator deployed = page.locator("[data-testid=deployments] .list-group-item").filter(
          new Locator.FilterOptions().setHasText(note));
      assertThat(deployed.getAttribute("data-status")).isEqualTo("DEPLOYED");
      assertThat(deployed.locator("[data-testid=deployment-status]").textContent()).isEqualTo("已到岗");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "treatment-deployments-phone");
    }

    String site = QuarantineFixtures.site(api, "SPB" + UUID.randomUUID().toString().substring(0, 5), 101, 130);
    String nurse = "林护士" + UUID.randomUUID().toString().substring(0, 4);
    String nursePerson = org.epicommand.support.People.resident(nurse, "990101001003").id(api);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "site");
      page.navigate(api.baseUrl() + "/quarantine/sites/" + site);
      page.click("[data-testid=site-posts]");
      assertThat(page.locator("[data-testid=posts-gap]").textContent()).contains("21");
      PersonPickerBrowserTest.choose(page, "personId", nurse, nursePerson);
      page.selectOption("#p-post", new SelectOption().setValue("MEDICAL"));
      page.selectOption("#p-shift", new SelectOption().setValue("NIGHT"));
      page.click("[data-testid=post-save]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=cell-MEDICAL-NIGHT]").textContent()).isEqualTo("1/1");
      assertThat(page.locator("[data-testid=posts-gap]").textContent()).contains("20");
      assertThat(page.locator("[data-testid=post-staff]").textContent()).contains(nurse).contains("夜班")
          .contains("从未检测");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "quarantine-site-posts-phone");
    }
  }
}
