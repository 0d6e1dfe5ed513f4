package org.epicommand.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.PageCrawl;
import org.epicommand.support.ReadableText;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The raw-code test: every page each demo role reaches from its navigation (with one detail page of
 * each kind linked from the lists, and the fragments pages load), the public pages and every inbox
 * notice read as words — no enum constant, no division code without its name, no English in the
 * Chinese interface ({@link ReadableText} says what is allowed on purpose).
 */
@EpiCommandTest
class ReadableTextTest {

  static final List<String> ROLES = List.of("commander", "cdc", "district", "community", "lab", "site", "inspector",
      "admin", "security", "auditor");
  /** More than any role's navigation with one page of each kind behind it. */
  static final int MAX_PAGES = 250;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  ReadableText readable;
  String fevered;

  @BeforeEach
  void divisionsAndAFeverInTheCommunityWorkersArea() {
    Map<String, String> names = new HashMap<>();
    jdbc.sql("select code, code12, name from jurisdiction").query(rs -> {
      names.put(rs.getString(1), rs.getString(3));
      if (rs.getString(2) != null) {
        names.put(rs.getString(2), rs.getString(3));
      }
    });
    readable = new ReadableText(names, Set.copyOf(jdbc.sql("select code from quarantine_rule_set where builtin")
        .query(String.class).list()));
    // an urgent alert for the community worker's inbox: fever and a cough at a home-isolation order
    fevered = "读数" + UUID.randomUUID().toString().substring(0, 4);
    String person = QuarantineFixtures.person(api, fevered, QuarantineFixtures.COMMUNITY);
    String order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today(), "TEN_MEASURES")
        .get("id").asString();
    assertThat(api.as("community").post("/api/v1/quarantine/orders/" + order + "/health-checks",
        Map.of("temperature", 38.1, "symptoms", List.of("COUGH"))).status()).isEqualTo(201);
  }

  @Test
  void everyPageOfEveryRoleReadsAsWords() {
    List<String> problems = new ArrayList<>();
    int pages = 0;
    for (String role : ROLES) {
      List<PageCrawl.Visited> visited = new PageCrawl(WebSession.login(api, role), MAX_PAGES).from("/", null);
      pages += visited.size();
      for (PageCrawl.Visited page : visited) {
        if (page.status() >= 400) {
          problems.add(role + " " + page.path() + " (from " + page.from() + "): HTTP " + page.status());
          continue;
        }
        readable.problems(page.body()).forEach(p -> problems.add(role + " " + page.path() + ": " + p));
      }
    }
    for (PageCrawl.Visited page : new PageCrawl(WebSession.from(api, null), 20).from("/public/bulletins", null)) {
      readable.problems(page.body()).forEach(p -> problems.add("(public) " + page.path() + ": " + p));
    }
    assertThat(pages).as("pages visited").isGreaterThan(ROLES.size() * 8);
    assertThat(problems).as("%d pages of %d roles", pages, ROLES.size()).isEmpty();
  }

  @Test
  void everyInboxNoticeNamesItsPersonInWords() {
    // one notice for the fever, one for the cough: each names the person and says what was read, in words
    await().atMost(Duration.ofSeconds(15)).until(() -> notices("community").stream()
        .filter(n -> n.get("title").asString().contains(fevered)).count() >= 2);
    List<String> titles = notices("community").stream().map(n -> n.get("title").asString())
        .filter(title -> title.contains(fevered)).toList();
    assertThat(titles).anySatisfy(title -> assertThat(title).contains("发热", "38.1"))
        .anySatisfy(title -> assertThat(title).contains("咳嗽"));
    List<String> problems = new ArrayList<>();
    for (String role : ROLES) {
      for (JsonNode notice : notices(role)) {
        JsonNode body = notice.get("body");
        String text = notice.get("title").asString() + (body == null || body.isNull() ? "" : " " + body.asString());
        readable.problemsOfText(text).forEach(p -> problems.add(role + " notice «" + text + "»: " + p));
      }
    }
    assertThat(problems).isEmpty();
  }

  private List<JsonNode> notices(String role) {
    JsonNode page = api.as(role).get("/api/v1/notifications?size=200").json();
    return StreamSupport.stream(page.get("items").spliterator(), false).toList();
  }
}
