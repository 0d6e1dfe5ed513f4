package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.UUID;
import org.epicommand.screening.Finding;
import org.epicommand.screening.ScreeningFindingRaised;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The fever referrals on a phone (390 px): the city's desk gives a referral of a district without a fever clinic to
 * one, then moves it to another fever clinic. 北城区 keeps no fever clinic; the clinics are in 南江区.
 */
@EpiCommandTest
@EnableScenarios
class ReferralPhoneBrowserTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theCityDeskAssignsAndMovesAReferralOnThePhone(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String bare = "990104001003";
    String personId = People.resident("手机转诊" + tag, bare).id(api);
    ScreeningFindingRaised fever = new ScreeningFindingRaised(UUID.randomUUID(), UUID.fromString(personId),
        Finding.Category.FEVER, bare, "手机转诊" + tag, "北城路" + tag + "号", Instant.now());
    scenario.publish(fever).andWaitForStateChange(() -> ModuleEvents.handled(jdbc, "sentinel.ClinicReferrals",
        fever.findingId().toString()), Boolean.TRUE::equals).andVerify(done -> assertThat(done).isTrue());
    String id = jdbc.sql("select id::text from sentinel_clinic_referral where finding_id = ?")
        .param(fever.findingId()).query(String.class).single();
    String first = SentinelFixtures.feverClinic(api, "南江一号发热门诊" + tag, "990103003");
    String second = SentinelFixtures.feverClinic(api, "南江二号发热门诊" + tag, "990103004");

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/sentinel/referrals");
      Locator unassigned = page.locator("[data-testid=unassigned] [data-referral='" + id + "']");
      assertThat(unassigned.textContent()).contains("手机转诊" + tag).contains("北城路" + tag + "号");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-referrals-phone");
      unassigned.locator("select[name=clinicId]").selectOption(first);
      unassigned.locator("[data-testid=assign]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=unassigned] [data-referral='" + id + "']").count()).isZero();

      Locator assigned = page.locator("[data-testid=assigned] [data-referral='" + id + "']");
      assertThat(assigned.locator("[data-testid=referral-clinic]").textContent()).contains("南江一号发热门诊" + tag);
      assertThat(assigned.locator("select[name=clinicId] option[value='" + first + "']").count())
          .as("not offered the clinic it has").isZero();
      assigned.locator("select[name=clinicId]").selectOption(second);
      Browser.fitsThePhone(page);
      assigned.locator("[data-testid=move]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).contains("已改派");
      assertThat(page.locator("[data-testid=assigned] [data-referral='" + id + "'] [data-testid=referral-clinic]")
          .textContent()).contains("南江二号发热门诊" + tag);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-referrals-phone-moved");
    }
    assertThat(api.as("commander").get("/api/v1/sentinel/clinic-referrals/" + id).json().get("clinicCode")
        .asString()).isEqualTo(second);
  }
}
