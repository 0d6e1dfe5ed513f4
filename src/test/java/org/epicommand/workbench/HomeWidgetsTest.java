package org.epicommand.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The home page's summary cards: each role sees the cards of its work, with the lists' real counts. */
@EpiCommandTest
class HomeWidgetsTest {

  @Autowired
  Api api;
  @Autowired
  java.util.List<org.epicommand.shared.NavigationItem> navigation;
  @Autowired
  java.util.List<org.epicommand.shared.HomeWidget> widgets;

  @Test
  void aHomeCardAnswersExactlyTheRolesWhoseHomeShowsIt() {
    for (String role : java.util.List.of("commander", "cdc", "district", "community", "lab", "site", "inspector",
        "admin", "security", "auditor", "price")) {
      String home = api.as(role).get("/", "text/html").body();
      for (org.epicommand.shared.HomeWidget widget : widgets) {
        boolean shown = home.contains("hx-get=\"" + widget.path() + "\"");
        int status = api.as(role).get(widget.path(), "text/html").status();
        if (shown) {
          assertThat(status).as(role + " " + widget.path()).isEqualTo(200);
        } else if (!widget.path().equals("/command/duty/widget")) {
          // today's duty answers everyone (empty without a unit); every other card is its role's only
          assertThat(status).as(role + " " + widget.path()).isEqualTo(403);
        }
      }
    }
  }

  @Test
  void everyNavigationEntryHasItsTitleAndHintInBothLanguages() throws java.io.IOException {
    for (String bundle : java.util.List.of("messages.properties", "messages_en.properties")) {
      java.util.Properties texts = new java.util.Properties();
      try (var in = new java.io.InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
          java.nio.charset.StandardCharsets.UTF_8)) {
        texts.load(in);
      }
      assertThat(navigation).hasSizeGreaterThan(30).allSatisfy(item -> assertThat(texts)
          .as(bundle + " for " + item.path()).containsKeys(item.messageKey(), item.messageKey() + ".hint"));
    }
  }

  @Test
  void eachRoleSeesTheCardsOfItsOwnWork() {
    String district = api.as("district").get("/", "text/html").body();
    assertThat(district).contains("hx-get=\"/tracing/widget\"", "hx-get=\"/quarantine/widget\"",
        "hx-get=\"/movement/pushed/widget\"", "hx-get=\"/labtest/retests/widget\"");
    // the community worker lands on a home of their own: retests, pushed names, alerts and tests due
    String community = api.as("community").get("/", "text/html").body();
    assertThat(community).contains("hx-get=\"/labtest/retests/widget\"", "hx-get=\"/movement/pushed/widget\"",
        "hx-get=\"/quarantine/widget\"").doesNotContain("hx-get=\"/analytics/dashboard/widget\"");
    assertThat(community.indexOf("/labtest/retests/widget")).as("retests first")
        .isLessThan(community.indexOf("/quarantine/widget"));
    String site = api.as("site").get("/", "text/html").body();
    assertThat(site).contains("hx-get=\"/quarantine/sites/widget\"")
        .doesNotContain("hx-get=\"/quarantine/widget\"", "hx-get=\"/tracing/widget\"",
            "hx-get=\"/movement/pushed/widget\"");
    // the commander's dashboard is one card with a link, not the dashboard itself
    String commander = api.as("commander").get("/", "text/html").body();
    assertThat(commander).contains("hx-get=\"/analytics/dashboard/widget\"")
        .doesNotContain("/analytics/dashboard/panel");
    assertThat(api.as("lab").get("/", "text/html").body()).contains("hx-get=\"/labtest/lab/widget\"")
        .doesNotContain("hx-get=\"/labtest/retests/widget\"");
    assertThat(api.as("inspector").get("/", "text/html").body()).contains("hx-get=\"/supervision/widget\"");
    assertThat(api.as("admin").get("/", "text/html").body()).contains("hx-get=\"/admin/setup/widget\"");
    assertThat(api.as("auditor").get("/", "text/html").body()).contains("hx-get=\"/audit/widget\"",
        "hx-get=\"/account/widget\"");
    assertThat(api.as("security").get("/", "text/html").body()).contains("hx-get=\"/account/widget\"");
    assertThat(api.as("cdc").get("/movement/pushed/widget", "text/html").status()).isEqualTo(403);
    assertThat(api.as("lab").get("/quarantine/widget", "text/html").status()).isEqualTo(403);
    assertThat(api.as("site").get("/quarantine/widget", "text/html").status()).isEqualTo(403);
  }

  @Test
  void theInvestigatorsCardCountsWhatTheListsHold() {
    String card = api.as("cdc").get("/tracing/widget", "text/html").body();
    assertThat(card).contains("data-testid=\"widget-tracing\"", "我的流调", "待落位密接");
    int core = api.as("cdc").get("/api/v1/investigations?overdue=CORE&size=100").json().get("items").size();
    assertThat(figure(card, "home.widget.tracing.overdueCore")).isEqualTo(core == 100 ? "100+" : String.valueOf(core));
    // the retest card is the community worker's: it counts the retests of their own area
    int retests = api.as("community").get("/api/v1/retests?size=100").json().get("items").size();
    assertThat(figure(api.as("community").get("/labtest/retests/widget", "text/html").body(),
        "home.widget.labtest.retests"))
        .isEqualTo(retests == 100 ? "100+" : String.valueOf(retests));

    String quarantine = api.as("district").get("/quarantine/widget", "text/html").body();
    assertThat(quarantine).contains("今日应检", "今日应解除", "漏报健康监测", "未处理告警", "待转运", "门磁告警");
    assertThat(Pattern.compile("data-testid=\"tally-qp\\.workList\\.").matcher(quarantine).results().count())
        .isEqualTo(5);
    // the site manager's card: free rooms are the rooms the site list counts as free
    String sites = api.as("site").get("/quarantine/sites/widget", "text/html").body();
    long free = api.as("site").get("/api/v1/quarantine/sites?active=true").json().valueStream()
        .mapToLong(site -> site.get("rooms").has("FREE") ? site.get("rooms").get("FREE").asLong() : 0).sum();
    assertThat(figure(sites, "home.widget.sites.free")).isEqualTo(String.valueOf(free));
  }

  /** The number shown on the tally with {@code key}. */
  private static String figure(String html, String key) {
    Matcher m = Pattern.compile("data-testid=\"tally-" + Pattern.quote(key) + "\"[^>]*>\\s*<div[^>]*>([^<]+)</div>")
        .matcher(html);
    assertThat(m.find()).as("tally " + key + " in " + html).isTrue();
    return m.group(1).strip();
  }
}
