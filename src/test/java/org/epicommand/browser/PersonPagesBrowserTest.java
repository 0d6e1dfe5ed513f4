package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicBoolean;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EpiCommandTest
class PersonPagesBrowserTest {

  @Autowired
  Api api;

  @Test
  void theCommunityWorkerSeesMaskedIdentifiersOnTheirList() {
    // a resident whose name sorts first (U+4E00), so that the first page shows a resident ID whatever
    // other tests registered in the community
    api.as("cdc").post("/api/v1/persons", People.body("一一", People.validId("110105", "19800101",
        (int) (System.nanoTime() % 900) + 100), DemoPlaces.COMMUNITY));
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      // the community worker lands on their home (HomeBrowserTest); the list is one tap away
      page.navigate(api.baseUrl() + "/persons");
      java.util.List<String> ids = page.locator("[data-testid=persons] tbody tr td:nth-child(2)").allTextContents();
      assertThat(ids).isNotEmpty();
      // every document number keeps its first and last 4 characters; an 18-character resident ID shows 10 stars
      assertThat(ids).allSatisfy(id -> assertThat(id.strip()).matches(".{4}\\*+.{4}"));
      assertThat(ids).anySatisfy(id -> assertThat(id.strip()).matches("\\d{4}\\*{10}[\\dX]{4}"));
      assertThat(page.locator("text=证件号码和电话已按规定脱敏").count()).isEqualTo(1);
      Browser.screenshot(page, "persons-community");
    }
  }

  @Test
  void searchFindsAPersonAndTheDetailShowsTheFullRecord() {
    String idNumber = People.validId("110105", "19760808", 201);
    api.as("cdc").post("/api/v1/persons", People.body("浏览器测试", idNumber, DemoPlaces.COMMUNITY));
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/persons");
      page.fill("[data-testid=search]", idNumber.substring(12));
      page.press("[data-testid=search]", "Enter");
      page.waitForURL(url -> url.contains("q="));
      page.click("text=浏览器测试");
      assertThat(page.locator("[data-testid=person-name]").textContent()).isEqualTo("浏览器测试");
      // district staff see the document masked (no full-identity permission)
      assertThat(page.locator("[data-testid=person-id-number]").textContent())
          .isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
      Browser.screenshot(page, "person-detail");
    }
  }

  @Test
  void anInvalidIdNumberIsExplainedNextToTheField() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/persons/new");
      page.fill("#name", "校验测试");
      page.fill("#idNumber", "36042619910102009X");
      Browser.chooseDivision(page, "jurisdictionCode", DemoPlaces.COMMUNITY, divisionName(DemoPlaces.COMMUNITY));
      page.click("form.card button[type=submit]");
      assertThat(page.locator("[data-field-error=idNumber]").textContent()).contains("校验位不正确");
      assertThat(page.locator("#idNumber").getAttribute("class")).contains("is-invalid");
      Browser.screenshot(page, "person-form-invalid-id");
    }
  }

  @Test
  void markupInANameIsShownAsTextAndNeverRuns() {
    String idNumber = People.validId("110105", "19770909", 203);
    java.util.Map<String, Object> body = People.body("<script>alert(1)</script>", idNumber,
        DemoPlaces.COMMUNITY);
    body.put("address", "\"><img src=x onerror=alert(2)>");
    String id = api.as("cdc").post("/api/v1/persons", body).json().get("id").asString();
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      AtomicBoolean dialog = new AtomicBoolean();
      page.onDialog(d -> {
        dialog.set(true);
        d.dismiss();
      });
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/persons/" + id);
      assertThat(page.locator("[data-testid=person-name]").textContent()).isEqualTo("<script>alert(1)</script>");
      assertThat(page.content()).contains("&lt;img src=x onerror=alert(2)&gt;");
      assertThat(page.locator("img[src=x]").count()).isZero();
      page.navigate(api.baseUrl() + "/persons?q=%3Cscript");
      assertThat(page.locator("[data-testid=persons]").textContent()).contains("<script>");
      assertThat(dialog.get()).isFalse();
    }
  }

  @Test
  void thePersonListFitsAPhone() {
    try (BrowserContext context = Browser.context(true)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
      assertThat(scrollWidth).isLessThanOrEqualTo(375);
      Browser.screenshot(page, "persons-phone");
      page.navigate(api.baseUrl() + "/persons/new");
      scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
      assertThat(scrollWidth).isLessThanOrEqualTo(375);
      Browser.screenshot(page, "person-form-phone");
    }
  }

  private String divisionName(String code) {
    return api.as("admin").get("/api/v1/jurisdictions/" + code).json().get("name").asString();
  }
}
