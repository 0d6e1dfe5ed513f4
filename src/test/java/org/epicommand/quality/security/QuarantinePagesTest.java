package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The quarantine pages through the page security chain, as a browser sends them: who may open which
 * page, forms with and without the CSRF token, field errors and refusals (400/409) shown on the page,
 * masking, escaping, and the personal phone page without login (404 for a dead link).
 */
@EpiCommandTest
class QuarantinePagesTest {

  static final String UUID_PATTERN = CsrfTest.UUID_PATTERN;

  @Autowired
  Api api;

  @Test
  void everyQuarantinePageOpensForTheCommanderAndNotForTheAuditor() {
    String person = QuarantineFixtures.person(api, Probes.uniqueName("页面"), QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9")
        .get("id").asString();
    String site = QuarantineFixtures.site(api, "QP" + System.nanoTime() % 1_000_000_000L, 1, 4);
    List<String> pages = List.of("/quarantine", "/quarantine?state=PENDING_TRANSFER&jurisdiction=990101",
        "/quarantine/work/TESTS_DUE_TODAY", "/quarantine/work/RELEASES_DUE", "/quarantine/work/MISSED_CHECKS",
        "/quarantine/work/OPEN_ALERTS", "/quarantine/work/AWAITING_TRANSFER", "/quarantine/orders/new",
        "/quarantine/orders/new?q=" + Probes.encode("页面"), "/quarantine/orders/" + order, "/quarantine/sites",
        "/quarantine/sites/" + site, "/quarantine/alerts", "/quarantine/alerts/table", "/quarantine/trips",
        "/quarantine/rule-sets", "/quarantine/rule-sets?base=V8", "/quarantine/orders/free-rooms?siteId=" + site,
        "/quarantine/person-section?personId=" + person);
    WebSession commander = WebSession.login(api, "commander");
    for (String page : pages) {
      WebSession.Page answer = commander.get(page);
      assertThat(answer.status()).as(page).isEqualTo(200);
      assertThat(answer.body()).as("every text of " + page + " has a message").doesNotContain("??");
      String english = commander.get(page + (page.contains("?") ? "&" : "?") + "lang=en").body();
      assertThat(english).as("English " + page).doesNotContain("??", "隔离管控");
      if (!page.contains("free-rooms") && !page.contains("/table") && !page.contains("person-section")) {
        assertThat(english).as("English " + page).contains(">Quarantine<");
      }
    }
    WebSession auditor = WebSession.login(api, "auditor");
    for (String page : pages) {
      assertThat(auditor.get(page).status()).as("auditor " + page).isEqualTo(403);
    }
    WebSession admin = WebSession.login(api, "admin");
    assertThat(admin.get("/quarantine/rule-sets").status()).isEqualTo(200);
    assertThat(admin.get("/quarantine").status()).isEqualTo(403);
    WebSession site2 = WebSession.login(api, "site");
    assertThat(site2.get("/quarantine/orders/new").status()).as("a site manager opens no orders").isEqualTo(403);
    assertThat(commander.get("/quarantine/work/NOT_A_LIST").status()).isEqualTo(400);
    assertThat(commander.get("/quarantine/orders/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
  }

  @Test
  void theDeskShowsTheCountsAndOrdersWithoutIdNumbers() {
    String name = Probes.uniqueName("工作台");
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9");
    JsonNode counts = api.as("commander").get("/api/v1/quarantine/work-lists").json();
    String body = WebSession.login(api, "commander").get("/quarantine?state=PENDING_TRANSFER").body();
    String awaiting = counts.get("AWAITING_TRANSFER").asLong() > 10_000 ? "10,000+"
        : String.format("%,d", counts.get("AWAITING_TRANSFER").asLong());
    assertThat(body).contains("data-testid=\"count-AWAITING_TRANSFER\"");
    assertThat(body.substring(body.indexOf("count-AWAITING_TRANSFER"))).contains(">" + awaiting + "<");
    assertThat(body).contains(name);
    assertThat(body).doesNotContainPattern("\\d{17}[\\dX]");
    String awaitingList = WebSession.login(api, "commander").get("/quarantine/work/AWAITING_TRANSFER").body();
    assertThat(awaitingList).contains("密切接触者").doesNotContain(">CLOSE_CONTACT<");
  }

  @Test
  void openingAnOrderNeedsTheTokenAndExplainsBadFieldsAtTheFields() {
    String person = QuarantineFixtures.person(api, Probes.uniqueName("开单"), QuarantineFixtures.COMMUNITY);
    WebSession district = WebSession.login(api, "district");
    Map<String, String> form = Map.of("personId", person, "reason", "CLOSE_CONTACT",
        "anchorDate", QuarantineFixtures.today().minusDays(2).toString(), "ruleSet", "V9");
    assertThat(district.postForm("/quarantine/orders/new", form, false).status()).isEqualTo(403);
    assertThat(ordersOf(person)).as("the refused post opened nothing").isZero();

    WebSession.Page missing = district.postForm("/quarantine/orders/new",
        Map.of("personId", person, "reason", "CLOSE_CONTACT", "anchorDate", "", "ruleSet", "NOPE"), true);
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.body()).contains("data-field-error=\"anchorDate\"", "data-field-error=\"ruleSet\"",
        "规则集 NOPE 不存在");

    WebSession.Page notManaged = district.postForm("/quarantine/orders/new", Map.of("personId", person,
        "reason", "SECONDARY_CONTACT", "anchorDate", "2022-12-20", "ruleSet", "TEN_MEASURES"), true);
    assertThat(notManaged.body()).contains("data-field-error=\"reason\"", "未规定事由");

    WebSession.Page opened = district.postForm("/quarantine/orders/new", form, true);
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.location()).matches(".*/quarantine/orders/" + UUID_PATTERN);
    assertThat(ordersOf(person)).isEqualTo(1);
    String detail = district.get(opened.location().substring(opened.location().indexOf("/quarantine"))).body();
    assertThat(detail).contains("管控单已开具", "V9", "data-test-day=\"1\"");

    WebSession.Page again = district.postForm("/quarantine/orders/new", form, true);
    assertThat(again.body()).contains("该人员已有未结束的管控单", "查看已有管控单");
  }

  @Test
  void aRefusedStepIsAMessageOnTheOrderPageNotAnErrorPage() {
    String person = QuarantineFixtures.person(api, Probes.uniqueName("拒绝"), QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9")
        .get("id").asString();
    WebSession commander = WebSession.login(api, "commander");
    String path = "/quarantine/orders/" + order;
    assertThat(commander.postForm(path + "/release", Map.of(), false).status()).isEqualTo(403);

    WebSession.Page release = commander.postForm(path + "/release", Map.of(), true);
    assertThat(release.status()).isEqualTo(302);
    assertThat(commander.get(path).body()).contains("data-testid=\"problem\"", "管控单当前状态为 PENDING_TRANSFER，不能解除");

    commander.postForm(path + "/health-checks", Map.of("temperature", "60"), true);
    assertThat(commander.get(path).body()).contains("体温应在 34.0 至 43.0 ℃ 之间");
    assertThat(history(order)).isEmpty();

    commander.postForm(path + "/health-checks", Map.of("temperature", "37.8", "symptoms", "COUGH"), true);
    assertThat(commander.get(path).body()).contains("健康监测已记录", "37.8 ℃", "咳嗽");
    assertThat(history(order)).hasSize(1);

    commander.postForm(path + "/recompute", Map.of("ruleSet", "V8"), true);
    assertThat(commander.get(path).body()).contains("已按所选规则集重新计算");
    assertThat(api.as("commander").get("/api/v1/quarantine/orders/" + order).json().get("ruleSet").asString())
        .isEqualTo("V8");
    commander.postForm(path + "/end", Map.of("state", "TRANSFERRED_OUT", "note", "离开本市"), true);
    assertThat(commander.get(path).body()).contains("管控单已结束", "已转出");
  }

  @Test
  void aDualReagentResultNeedsTheSecondReagentAndFutureTestsTakeNoResult() {
    String person = QuarantineFixtures.person(api, Probes.uniqueName("双检"), QuarantineFixtures.COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(14),
        "V8");
    String id = order.get("id").asString();
    String today = null;
    String future = null;
    for (JsonNode test : order.get("tests")) {
      if (test.get("day").asInt() == 14) {
        assertThat(test.get("dualReagent").asBoolean()).isTrue();
        today = test.get("id").asString();
      } else if (test.get("day").asInt() == 16) {
        future = test.get("id").asString();
      }
    }
    WebSession district = WebSession.login(api, "district");
    String page = district.get("/quarantine/orders/" + id).body();
    assertThat(page).contains("data-testid=\"result-form-14\"").doesNotContain("result-form-16");
    String path = "/quarantine/orders/" + id + "/tests/";
    district.postForm(path + today + "/result", Map.of("result", "NEGATIVE", "secondReagent", ""), true);
    assertThat(district.get("/quarantine/orders/" + id).body()).contains("双采双检：第二种试剂的结果也须为阴性");
    district.postForm(path + today + "/result", Map.of("result", "NEGATIVE", "secondReagent", "NEGATIVE"), true);
    assertThat(district.get("/quarantine/orders/" + id).body()).contains("检测结果已录入")
        .doesNotContain("result-form-14");
    district.postForm(path + today + "/result", Map.of("result", "POSITIVE"), true);
    assertThat(district.get("/quarantine/orders/" + id).body()).contains("该次检测已有结果（NEGATIVE）");
    assertThat(future).isNotNull();
  }

  @Test
  void markupInANameIsEscapedOnTheQuarantinePages() {
    String name = "<script>alert(7)</script>" + System.nanoTime() % 10_000;
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9")
        .get("id").asString();
    WebSession commander = WebSession.login(api, "commander");
    for (String page : List.of("/quarantine/orders/" + order, "/quarantine?state=PENDING_TRANSFER", "/quarantine/trips",
        "/quarantine/work/AWAITING_TRANSFER")) {
      String body = commander.get(page).body();
      assertThat(body).as(page).contains("&lt;script&gt;alert(7)&lt;/script&gt;").doesNotContain("<script>alert(7)");
    }
  }

  @Autowired
  org.epicommand.quarantine.internal.doors.DoorDeclarations doors;

  @Test
  void thePersonalPageWorksWithoutLoginAndADeadLinkIs404() throws Exception {
    String name = Probes.uniqueName("本人");
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9")
        .get("id").asString();
    String token = api.as("commander").post("/api/v1/quarantine/orders/" + order + "/health-link", Map.of()).json()
        .get("token").asString();
    HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    HttpResponse<String> page = get(phone, "/public/h/" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(name, "未填报", "data-testid=\"door-form\"");
    String csrf = WebSession.token(page.body());

    assertThat(post(phone, "/public/h/" + token, Map.of("temperature", "36.6")).statusCode())
        .as("no CSRF token").isEqualTo(403);
    HttpResponse<String> bad = post(phone, "/public/h/" + token, Map.of("temperature", "60", "_csrf", csrf));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("data-field-error=\"temperature\"");
    HttpResponse<String> sent = post(phone, "/public/h/" + token, Map.of("temperature", "36.6", "symptoms", "FATIGUE",
        "_csrf", csrf));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/public/h/" + token + "?done");
    assertThat(get(phone, "/public/h/" + token + "?done").body()).contains("已提交，谢谢", "已填报");
    JsonNode check = history(order).get(0);
    assertThat(check.get("temperature").asString()).isEqualTo("36.6");
    assertThat(check.get("reportedBy").asString()).isEqualTo("SELF");

    // a door opening told beforehand on the phone: covered now, so an OPEN raises no alert
    HttpResponse<String> declared = post(phone, "/public/h/" + token + "/door", Map.of("minutes", "10", "_csrf", csrf));
    assertThat(declared.statusCode()).isEqualTo(302);
    assertThat(get(phone, "/public/h/" + token + "?declared").body()).contains("data-testid=\"door-declared\"");
    assertThat(doors.covers(java.util.UUID.fromString(order), java.time.Instant.now())).isTrue();

    assertThat(get(phone, "/public/h/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    api.as("commander").post("/api/v1/quarantine/orders/" + order + "/end", Map.of("state", "BECAME_CASE"));
    HttpResponse<String> dead = get(phone, "/public/h/" + token);
    assertThat(dead.statusCode()).isEqualTo(404);
    assertThat(dead.body()).contains("链接已失效").doesNotContain(name);
  }

  @Test
  void aHouseholdHeadReportsForADependantOnThePersonalPage() throws Exception {
    String address = "同户测试路" + System.nanoTime() % 1_000_000 + "号";
    String headName = Probes.uniqueName("户主");
    String childName = Probes.uniqueName("家属");
    String head = QuarantineFixtures.person(api, headName, QuarantineFixtures.COMMUNITY, address);
    String child = QuarantineFixtures.person(api, childName, QuarantineFixtures.COMMUNITY, address);
    String headOrder = QuarantineFixtures.open(api, head, "HIGH_RISK_AREA_ARRIVAL", QuarantineFixtures.today(),
        "TWENTY_MEASURES").get("id").asString();
    String childOrder = QuarantineFixtures.open(api, child, "HIGH_RISK_AREA_ARRIVAL", QuarantineFixtures.today(),
        "TWENTY_MEASURES").get("id").asString();
    String token = api.as("commander").post("/api/v1/quarantine/orders/" + headOrder + "/health-link", Map.of()).json()
        .get("token").asString();
    HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    HttpResponse<String> page = get(phone, "/public/h/" + token);
    assertThat(page.body()).contains(headName, childName, "name=\"orderId\"", "value=\"" + childOrder + "\"");
    HttpResponse<String> sent = post(phone, "/public/h/" + token, Map.of("orderId", childOrder, "temperature", "36.9",
        "_csrf", WebSession.token(page.body())));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(history(childOrder).get(0).get("reportedBy").asString()).isEqualTo("HOUSEHOLD");
    assertThat(history(headOrder)).isEmpty();
  }

  @Test
  void anAdministratorAddsARuleSetFromTheFormAndSeesBadRowsAtTheirFields() {
    WebSession admin = WebSession.login(api, "admin");
    String code = "PAGE_" + System.nanoTime() % 1_000_000_000L;
    Map<String, String> bad = new java.util.HashMap<>(Map.of("code", code, "nameZh", "测试规则", "nameEn", "Test rules",
        "effectiveFrom", "2030-01-01", "lookBackDays", "4", "riskLevels", "HIGH_LOW", "downgradeDays.highToLow", "5",
        "rules.CLOSE_CONTACT.phases[0].regime", "CENTRALIZED", "rules.CLOSE_CONTACT.phases[0].days", "x",
        "rules.CLOSE_CONTACT.testDays", "1,2"));
    bad.put("rules.MEDIUM_RISK_AREA_ARRIVAL.phases[0].regime", "HOME_ISOLATION");
    bad.put("rules.MEDIUM_RISK_AREA_ARRIVAL.phases[0].days", "7");
    admin.postForm("/quarantine/rule-sets", bad, true);
    String page = admin.get("/quarantine/rule-sets").body();
    assertThat(page).contains("每个阶段须选择管控方式并填写 1 到 60 天", "value=\"x\"", "没有中风险区");
    assertThat(api.as("admin").get("/api/v1/quarantine/rule-sets").body()).doesNotContain(code);

    bad.remove("rules.MEDIUM_RISK_AREA_ARRIVAL.phases[0].regime");
    bad.remove("rules.MEDIUM_RISK_AREA_ARRIVAL.phases[0].days");
    bad.put("rules.CLOSE_CONTACT.phases[0].days", "5");
    bad.put("rules.CLOSE_CONTACT.phases[1].regime", "HOME_ISOLATION");
    bad.put("rules.CLOSE_CONTACT.phases[1].days", "3");
    bad.put("rules.CLOSE_CONTACT.dualReagentDays", "2");
    assertThat(admin.postForm("/quarantine/rule-sets", bad, false).status()).isEqualTo(403);
    WebSession.Page added = admin.postForm("/quarantine/rule-sets", bad, true);
    assertThat(added.status()).isEqualTo(302);
    assertThat(admin.get("/quarantine/rule-sets").body()).contains("规则集已新增", code);
    JsonNode saved = api.as("admin").get("/api/v1/quarantine/rule-sets/" + code).json();
    assertThat(saved.get("rules").get("CLOSE_CONTACT").get("phases").size()).isEqualTo(2);
    assertThat(saved.get("rules").get("CLOSE_CONTACT").get("phases").get(1).get("regime").asString())
        .isEqualTo("HOME_ISOLATION");
    assertThat(saved.get("rules").get("CLOSE_CONTACT").get("dualReagentDays").get(0).asInt()).isEqualTo(2);
    assertThat(saved.get("rules").has("SECONDARY_CONTACT")).isFalse();
    assertThat(saved.get("riskLevels").toString()).isEqualTo("[\"HIGH\",\"LOW\"]");
    assertThat(saved.get("downgradeDays").get("highToLow").asInt()).isEqualTo(5);
  }

  private long ordersOf(String personId) {
    JsonNode page = api.as("commander").get("/api/v1/quarantine/orders?size=500&state=PENDING_TRANSFER&jurisdiction="
        + QuarantineFixtures.COMMUNITY).json();
    long n = 0;
    for (JsonNode order : page.get("items")) {
      if (order.get("personId").asString().equals(personId)) {
        n++;
      }
    }
    return n;
  }

  private JsonNode history(String order) {
    return api.as("commander").get("/api/v1/quarantine/orders/" + order + "/health-checks").json();
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html").GET()
        .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(HttpClient client, String path, Map<String, String> fields) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(fields))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aSiteIsCorrectedAndRetiredOnItsPageAndLeavesThePickersButKeepsItsPage() {
    String site = QuarantineFixtures.site(api, "QR" + System.nanoTime() % 1_000_000_000L, 1, 2);
    String person = QuarantineFixtures.person(api, Probes.uniqueName("停用"), QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9")
        .get("id").asString();
    WebSession manager = WebSession.login(api, "site");
    Map<String, String> form = Map.of("name", "改名隔离点<i>", "jurisdictionCode", DemoPlaces.DISTRICT, "contactPhone",
        "999");
    assertThat(manager.postForm("/quarantine/sites/" + site, form, false).status()).isEqualTo(403);
    WebSession.Page refused = manager.postForm("/quarantine/sites/" + site, form, true);
    assertThat(refused.status()).isEqualTo(302);
    String page = manager.get("/quarantine/sites/" + site).body();
    assertThat(page).contains("data-field-error=\"contactPhone\"", "value=\"999\"");
    manager.postForm("/quarantine/sites/" + site, Map.of("name", "改名隔离点<i>", "jurisdictionCode", DemoPlaces.DISTRICT,
        "contactName", "周敏", "contactPhone", "13712345678", "capacityNotes", "双人间 2 间"), true);
    page = manager.get("/quarantine/sites/" + site).body();
    assertThat(page).contains("隔离点信息已保存", "改名隔离点&lt;i&gt;", "双人间 2 间", "13712345678");
    assertThat(WebSession.login(api, "commander").get("/quarantine/orders/" + order).body()).contains(site);

    assertThat(manager.postForm("/quarantine/sites/" + site + "/retire", Map.of(), true).status()).isEqualTo(302);
    page = manager.get("/quarantine/sites/" + site).body();
    assertThat(page).contains("隔离点已停用", "data-testid=\"site-retired\"", "data-testid=\"site-reactivate\"")
        .doesNotContain("data-testid=\"site-check-in\"", "data-testid=\"rooms-form\"");
    manager.postForm("/quarantine/sites/" + site + "/retire", Map.of(), true);
    assertThat(manager.get("/quarantine/sites/" + site).body()).contains("该隔离点已停用");
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.get("/quarantine/orders/" + order).body()).as("the check-in picker").doesNotContain(site);
    assertThat(commander.get("/quarantine/trips").body()).as("the trip's destinations")
        .doesNotContain("value=\"" + site + "\"");
    assertThat(commander.get("/quarantine/sites").body()).contains(site, "已停用");
    assertThat(WebSession.login(api, "community").postForm("/quarantine/sites/" + site + "/reactivate", Map.of(), true)
        .status()).isEqualTo(403);
    manager.postForm("/quarantine/sites/" + site + "/reactivate", Map.of(), true);
    assertThat(commander.get("/quarantine/orders/" + order).body()).contains(site);
  }

  /** The site-staff page is the administrator's: binding and unbinding a site manager there, with the CSRF token. */
  @Test
  void theAdministratorBindsAndUnbindsASiteManagerOnTheSiteStaffPage() {
    String site = QuarantineFixtures.site(api, "QS" + System.nanoTime() % 1_000_000_000L, 1, 2);
    String manager = Probes.user(api, "SITE_MANAGER", DemoPlaces.CITY);
    for (String other : List.of("commander", "site", "community")) {
      assertThat(WebSession.login(api, other).get("/quarantine/site-staff").status()).as(other).isEqualTo(403);
    }
    WebSession admin = WebSession.login(api, "admin");
    WebSession.Page page = admin.get("/quarantine/site-staff");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-site=", "site").doesNotContain("??");
    Map<String, String> form = Map.of("siteId", site, "username", manager);
    assertThat(admin.postForm("/quarantine/site-staff", form, false).status()).isEqualTo(403);
    assertThat(admin.postForm("/quarantine/site-staff", form, true).status()).isEqualTo(302);
    assertThat(api.as("admin").get("/api/v1/quarantine/site-staff/" + site).json().findValuesAsString("username"))
        .contains(manager, "site");
    admin.postForm("/quarantine/site-staff", Map.of("siteId", site, "username", "community"), true);
    assertThat(admin.get("/quarantine/site-staff").body()).contains("该用户不存在或不是隔离点管理员");
    admin.postForm("/quarantine/site-staff/" + site + "/unbind", Map.of("username", manager), true);
    assertThat(admin.get("/quarantine/site-staff").body()).contains("已解除绑定");
    assertThat(api.as("admin").get("/api/v1/quarantine/site-staff/" + site).json().findValuesAsString("username"))
        .doesNotContain(manager);
    assertThat(admin.get("/quarantine/site-staff?lang=en").body()).contains("Quarantine site staff")
        .doesNotContain("??");
  }
}
