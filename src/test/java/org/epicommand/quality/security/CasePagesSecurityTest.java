package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.body;

import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case and chain pages under the security suite's rules: a case of another district is 404 on
 * every page and on the chain graph, forms need the CSRF token, names are escaped, and roles
 * without case access get 403.
 */
@EpiCommandTest
class CasePagesSecurityTest {

  @Autowired
  Api api;

  @Test
  void aCaseOfAnotherDistrictIs404OnEveryPageForTheDistrictAndShownToTheCommander() {
    String other = CaseFixtures.caseOf(api, "界外病例", CaseFixtures.OTHER_DISTRICT_COMMUNITY, "CONFIRMED", "2026-11-01");
    WebSession district = WebSession.login(api, "district");
    for (String path : new String[] {"/cases/" + other, "/tracing/chains/" + other, "/tracing/chains/" + other
        + "/graph"}) {
      WebSession.Page page = district.get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.body()).doesNotContain("界外病例");
    }
    assertThat(district.get("/cases?size=500").body()).doesNotContain("界外病例");
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.get("/cases/" + other).body()).contains("界外病例");
    assertThat(commander.get("/tracing/chains/" + other + "/graph").body()).contains("界外病例");
  }

  @Test
  void caseFormsNeedTheCsrfTokenAndRolesWithoutCaseAccessGet403() {
    String id = CaseFixtures.caseOf(api, "表单病例", CaseFixtures.COMMUNITY, "SUSPECTED", null);
    WebSession cdc = WebSession.login(api, "cdc");
    Map<String, String> form = Map.of("classification", "CONFIRMED", "reason", "阳性");
    assertThat(cdc.postForm("/cases/" + id + "/reclassify", form, false).status()).isEqualTo(403);
    WebSession.Page accepted = cdc.postForm("/cases/" + id + "/reclassify", form, true);
    assertThat(accepted.location()).endsWith("/cases/" + id);
    assertThat(api.as("cdc").get("/api/v1/cases/" + id).json().get("classification").asString()).isEqualTo("CONFIRMED");
    WebSession district = WebSession.login(api, "district");
    assertThat(district.postForm("/cases/" + id + "/outcome", Map.of("outcome", "DIED"), true).status()).isEqualTo(403);
    WebSession lab = WebSession.login(api, "lab");
    assertThat(lab.get("/cases").status()).isEqualTo(403);
    assertThat(lab.get("/tracing/clusters").status()).isEqualTo(403);
  }

  @Test
  void namesAreEscapedOnCasePages() {
    String personId = CaseFixtures.person(api, XssAndInjectionTest.SCRIPT, CaseFixtures.COMMUNITY);
    String id = api.as("cdc").post("/api/v1/cases", body("personId", personId, "classification", "CONFIRMED"))
        .json().get("id").asString();
    WebSession commander = WebSession.login(api, "commander");
    for (String path : new String[] {"/cases/" + id, "/cases"}) {
      String html = commander.get(path).body();
      assertThat(html).as(path).doesNotContain(XssAndInjectionTest.SCRIPT).contains(XssAndInjectionTest.SCRIPT_ESCAPED);
    }
  }

  @Test
  void anInvestigatorReportsACaseOnAPageWithFieldMessagesAndLandsOnIt() {
    String personId = org.epicommand.quarantine.QuarantineFixtures.person(api, Probes.uniqueName("页面报告"),
        DemoPlaces.COMMUNITY);
    WebSession cdc = WebSession.login(api, "cdc");
    assertThat(cdc.get("/cases/new?personId=" + personId).body()).contains(personId, "data-testid=\"case-form\"");
    WebSession.Page bad = cdc.postForm("/cases/new", Map.of("personId", personId, "classification", "CONFIRMED",
        "onsetDate", "2999-01-01"), true);
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("data-field-error=\"onsetDate\"");
    WebSession.Page reported = cdc.postForm("/cases/new", Map.of("personId", personId, "classification",
        "CONFIRMED", "onsetDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)
            .toString(), "discoveryRoute", "MASS_TESTING"),
        true);
    assertThat(reported.status()).isEqualTo(302);
    assertThat(reported.location()).matches(".*/cases/[0-9a-f-]{36}");
    // the same person again: back to the existing case
    WebSession.Page again = cdc.postForm("/cases/new", Map.of("personId", personId, "classification", "SUSPECTED"),
        true);
    assertThat(again.location()).isEqualTo(reported.location());
    assertThat(WebSession.login(api, "district").get("/cases/new").status()).as("read-only role").isEqualTo(403);
  }
}
