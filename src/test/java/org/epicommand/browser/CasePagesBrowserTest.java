package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.tracing.ChainFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@EpiCommandTest
class CasePagesBrowserTest {

  /** Waits for the chain graph and answers its node count (cases; the generations' headings left out). */
  static final String RENDERED_NODES = """
      () => { const el = document.getElementById('chain-graph');
        const chart = window.echarts && echarts.getInstanceByDom(el);
        return chart ? chart.getOption().series[0].data.filter(d => !d.heading).length : -1; }""";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void clickingANodeOfTheChainOpensItsCase() {
    String a = CaseFixtures.caseOf(api, "图甲", COMMUNITY, "CONFIRMED", "2026-11-01");
    String b = CaseFixtures.caseOf(api, "图乙", COMMUNITY, "ASYMPTOMATIC", "2026-11-03");
    assertThat(api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId", a, "infecteeCaseId", b)).status())
        .isEqualTo(201);
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/cases/" + a);
      page.click("[data-testid=chain-link]");
      page.waitForFunction("() => (" + RENDERED_NODES + ")() === 2");
      page.waitForSelector("#chain-graph[data-rendered]");
      assertThat(page.locator("[data-testid=chain-summary]").textContent()).contains("2 例").contains("2 代");
      // generations run across, as the caption says: the infectee stands right of its infector, under
      // the heading of its generation
      String at = """
          (name) => { const chart = echarts.getInstanceByDom(document.getElementById('chain-graph'));
            const data = chart.getModel().getSeriesByIndex(0).getData();
            return chart.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(data.indexOfName(name))); }""";
      @SuppressWarnings("unchecked")
      List<Number> xy = (List<Number>) page.evaluate(at, "图乙");
      @SuppressWarnings("unchecked")
      List<Number> infector = (List<Number>) page.evaluate(at, "图甲");
      assertThat(xy.get(0).doubleValue()).isGreaterThan(infector.get(0).doubleValue() + 20);
      assertThat(page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chain-graph'))"
          + ".getOption().series[0].data.filter(d => d.heading).map(d => d.name).join('|')")).isEqualTo("第 1 代|第 2 代");
      var box = page.locator("#chain-graph canvas").first().boundingBox();
      Browser.screenshot(page, "chain-generations");
      page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
      page.waitForURL(url -> url.endsWith("/cases/" + b));
      assertThat(page.locator("[data-testid=case-name]").textContent()).isEqualTo("图乙");
      Browser.screenshot(page, "case-detail");
    }
  }

  @Test
  void aChainOf5000CasesIsDrawnQuicklyWithoutForceLayout() {
    String root = ChainFixtures.tree(jdbc, 5000, COMMUNITY, "大链" + System.nanoTime() % 100000 + "-");
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");
      long start = System.nanoTime();
      page.navigate(api.baseUrl() + "/tracing/chains/" + root);
      page.waitForFunction("() => (" + RENDERED_NODES + ")() === 5000");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).as("5,000-node chain page ready in %.2f s", seconds).isLessThan(8);
      Object layout = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chain-graph'))"
          + ".getOption().series[0].layout");
      assertThat(layout).isEqualTo("none");
      // still responsive: a zoom is handled and the page answers script promptly
      page.mouse().move(600, 400);
      long t = System.nanoTime();
      page.mouse().wheel(0, -300);
      page.evaluate("() => 1");
      assertThat((System.nanoTime() - t) / 1e9).isLessThan(2);
      Browser.screenshot(page, "chain-5000");
    }
  }

  @Test
  void caseActionsOnThePageExplainARefusedDischargeAndWorkAtPhoneWidth() {
    String id = CaseFixtures.caseOf(api, "页面病例", COMMUNITY, "SUSPECTED", "2026-11-01");
    try (BrowserContext context = Browser.context(true)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");
      page.navigate(api.baseUrl() + "/cases/" + id);
      page.selectOption("[data-testid=reclassify] select", "CONFIRMED");
      page.fill("[data-testid=reclassify] input[name=reason]", "核酸阳性");
      page.click("[data-testid=reclassify] button");
      page.waitForURL(url -> url.endsWith("/cases/" + id));
      assertThat(page.locator("[data-testid=case-classification]").textContent()).isEqualTo("确诊病例");
      page.selectOption("[data-testid=outcome] select", "DISCHARGED");
      page.click("[data-testid=outcome] button");
      assertThat(page.locator("[data-testid=problem]").textContent()).contains("尚未收治");
      page.navigate(api.baseUrl() + "/cases?reportedOn="
          + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
      assertThat(page.locator("[data-testid=cases]").textContent()).contains("页面病例");
      Browser.screenshot(page, "cases-today-phone");
      page.navigate(api.baseUrl() + "/tracing/clusters");
      assertThat(page.locator("[data-testid=case-tabs]").count()).isEqualTo(1);
    }
  }
}
