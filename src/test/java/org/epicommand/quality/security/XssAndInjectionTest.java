package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quality.security.Probes.encode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Free text is stored as typed and rendered escaped on every page (no stored or reflected XSS), and
 * search and filter parameters are data, never SQL: injection probes never cause a 500, and LIKE
 * wildcards in a search match themselves, not everyone.
 */
@EpiCommandTest
class XssAndInjectionTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String IMG_RAW = "<img src=x onerror=alert(1)>";
  static final String IMG_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;";
  static final List<String> INJECTIONS = List.of("' or 1=1 --", "%' ; drop table person; --", "\\", "_", "%");

  @Autowired
  Api api;

  @Test
  void markupInPersonNamesAndAddressesIsEscapedOnThePersonPages() {
    String scriptPerson = Probes.register(api, "cdc", Probes.person(SCRIPT, Probes.uniqueIdNumber(),
        Probes.uniquePhone(), IMG, Probes.OWN_COMMUNITY)).get("id").asString();
    String imgPerson = Probes.register(api, "cdc", Probes.person(IMG, Probes.uniqueIdNumber(),
        Probes.uniquePhone(), SCRIPT, Probes.OWN_COMMUNITY)).get("id").asString();
    WebSession commander = WebSession.login(api, "commander");
    for (String page : List.of("/persons/" + scriptPerson, "/persons/" + imgPerson, "/persons/" + scriptPerson
        + "/edit",
        "/persons?q=" + encode(SCRIPT), "/persons?q=" + encode(IMG))) {
      assertEscaped(commander, page);
    }
    assertEscaped(commander, "/persons?jurisdiction=" + encode(SCRIPT), 404);
    assertThat(commander.get("/persons/" + scriptPerson).body()).contains(SCRIPT_ESCAPED, IMG_ESCAPED);
    assertThat(commander.get("/persons?q=" + encode(IMG)).body()).contains(IMG_ESCAPED);
    Api.Answer stored = api.as("commander").get("/api/v1/persons/" + scriptPerson);
    assertThat(stored.json().get("name").asString()).as("stored as typed").isEqualTo(SCRIPT);
    assertThat(stored.json().get("address").asString()).isEqualTo(IMG);
  }

  @Test
  void markupInAUserDisplayNameIsEscapedOnTheUserPages() {
    String username = "xss_" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "displayName",
        SCRIPT + IMG, "password", "Secret12345", "roles", List.of("INSPECTOR"), "jurisdictionCode", DemoPlaces.CITY));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    WebSession admin = WebSession.login(api, "admin");
    for (String page : List.of("/users?q=" + username, "/users/" + created.json().get("id").asString(),
        "/users?q=" + encode(SCRIPT))) {
      assertEscaped(admin, page);
    }
    assertThat(admin.get("/users?q=" + username).body()).contains(SCRIPT_ESCAPED, IMG_ESCAPED);
  }

  @Test
  void markupInSearchTermsIsEscapedOnTheAuditPage() {
    Api.Answer export = api.as("commander").get("/api/v1/persons?q=" + encode(SCRIPT + IMG), "text/csv");
    assertThat(export.status()).isEqualTo(200);
    WebSession auditor = WebSession.login(api, "auditor");
    String trail = "/audit?username=commander&action=EXPORT";
    assertEscaped(auditor, trail);
    assertThat(auditor.get(trail).body()).as("the export's detail names the search").contains(SCRIPT_ESCAPED);
    assertEscaped(auditor, "/audit?username=" + encode(SCRIPT) + "&subjectType=" + encode(IMG) + "&subjectId="
        + encode(SCRIPT));
  }

  @Test
  void injectionProbesInSearchesAndFiltersNeverCauseA500() {
    for (String probe : INJECTIONS) {
      String p = encode(probe);
      expect(200, "commander", "/api/v1/persons?q=" + p);
      expect(200, "community", "/api/v1/persons?q=" + p);
      expect(404, "commander", "/api/v1/persons?jurisdiction=" + p);
      expect(200, "admin", "/api/v1/users?q=" + p);
      for (String filter : List.of("username", "subjectId", "subjectType")) {
        JsonNode events = expect(200, "auditor", "/api/v1/audit?" + filter + "=" + p).json().get("items");
        assertThat(events.size()).as("audit events with %s = %s", filter, probe).isZero();
      }
      Api.Answer csv = api.as("commander").get("/api/v1/persons?q=" + p, "text/csv");
      assertThat(csv.status()).as("export q=" + probe).isEqualTo(200);
      expect(200, "commander", "/persons?q=" + p);
      expect(200, "admin", "/users?q=" + p);
      expect(200, "auditor", "/audit?username=" + p + "&subjectId=" + p + "&subjectType=" + p);
      JsonNode names = expect(200, "commander", "/api/v1/persons?size=500&q=" + p).json().get("items");
      assertThat(names.valueStream().map(n -> n.get("name").asString()))
          .as("a search for %s matches names that start with it, not everyone", probe)
          .allMatch(name -> name.startsWith(probe.strip()));
    }
  }

  @Test
  void pageAndSizeThatAreNotNumbersAreA400NamingTheField() {
    for (String path : List.of("/api/v1/persons", "/api/v1/users", "/api/v1/audit")) {
      String caller = path.contains("persons") ? "commander" : path.contains("users") ? "admin" : "auditor";
      for (String parameter : List.of("page", "size")) {
        for (String value : List.of("abc", "1;drop", "-1", "99999999999")) {
          Api.Answer answer = expect(400, caller, path + "?" + parameter + "=" + encode(value));
          assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        }
      }
    }
    expect(400, "commander", "/persons?page=abc");
    expect(400, "auditor", "/api/v1/audit?action=" + encode("READ' or 1=1 --"));
    expect(400, "auditor", "/api/v1/audit?from=" + encode("2022-01-01' or 1=1 --"));
  }

  @Test
  void likeWildcardsInAPersonSearchMatchOnlyThemselves() {
    String percent = Probes.register(api, "cdc", Probes.person("%" + Probes.uniqueName("百分"), Probes.uniqueIdNumber(),
        Probes.uniquePhone(), "湖东路5号", Probes.OWN_COMMUNITY)).get("name").asString();
    String underscore = Probes.register(api, "cdc", Probes.person("_" + Probes.uniqueName("下划"),
        Probes.uniqueIdNumber(), Probes.uniquePhone(), "湖东路5号", Probes.OWN_COMMUNITY)).get("name").asString();
    List<String> byPercent = names(api.as("commander").get("/api/v1/persons?size=500&q=%25").json());
    assertThat(byPercent).contains(percent).allMatch(name -> name.startsWith("%"));
    List<String> byUnderscore = names(api.as("commander").get("/api/v1/persons?size=500&q=_").json());
    assertThat(byUnderscore).contains(underscore).allMatch(name -> name.startsWith("_"));
  }

  @Test
  void likeWildcardsInAUserSearchMatchOnlyThemselves() {
    String username = "pct_" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", username, "displayName", "百分%之百",
        "password", "Secret12345", "roles", List.of("INSPECTOR"), "jurisdictionCode", DemoPlaces.CITY)).status())
            .isEqualTo(201);
    JsonNode byPercent = api.as("admin").get("/api/v1/users?size=500&q=%25").json().get("items");
    assertThat(byPercent.valueStream().map(u -> u.get("username").asString())).contains(username);
    assertThat(byPercent.valueStream().map(u -> u.get("username").asString() + u.get("displayName").asString()))
        .allMatch(text -> text.contains("%"));
    JsonNode byUnderscore = api.as("admin").get("/api/v1/users?size=500&q=_").json().get("items");
    assertThat(byUnderscore.valueStream().map(u -> u.get("username").asString() + u.get("displayName").asString()))
        .contains(username + "百分%之百").allMatch(text -> text.contains("_"));
  }

  private void assertEscaped(WebSession session, String page) {
    assertEscaped(session, page, 200);
  }

  private void assertEscaped(WebSession session, String page, int status) {
    WebSession.Page answer = session.get(page);
    assertThat(answer.status()).as(page).isEqualTo(status);
    assertThat(answer.body()).as(page).doesNotContain(SCRIPT, IMG_RAW, "<script>alert");
  }

  private Api.Answer expect(int status, String caller, String path) {
    Api.Answer answer = api.as(caller).get(path);
    assertThat(answer.status()).as("%s GET %s → %s", caller, path, answer.body()).isEqualTo(status);
    return answer;
  }

  private static List<String> names(JsonNode page) {
    return page.get("items").valueStream().map(p -> p.get("name").asString()).toList();
  }
}
