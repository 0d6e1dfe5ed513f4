package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.OTHER_DISTRICT_COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The investigation and contact pages: they render for the roles that work with them, the contact
 * form shows the window message under the field, forms need the CSRF token, names are escaped, an
 * investigation of another district is 404 and roles without case access get 403.
 */
@EpiCommandTest
class TracingPagesSecurityTest {

  @Autowired
  Api api;

  @Test
  void investigatorPagesWorkAndTheContactFormNamesTheWindow() {
    String caseId = CaseFixtures.caseOf(api, "页面病例<b>x</b>", COMMUNITY, "CONFIRMED", "2022-07-10");
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id").asString();
    api.as("commander").post("/api/v1/investigations/" + investigation + "/assign", body("investigator", "cdc"));
    WebSession cdc = WebSession.login(api, "cdc");
    WebSession.Page mine = cdc.get("/tracing/investigations/mine?size=500");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains("页面病例&lt;b&gt;x&lt;/b&gt;").doesNotContain("页面病例<b>");
    WebSession.Page detail = cdc.get("/tracing/investigations/" + investigation);
    assertThat(detail.body()).contains("2022-07-06").contains("新冠肺炎防控方案（第九版）")
        .contains("查找共时人员");

    assertThat(cdc.postForm("/tracing/investigations/" + investigation + "/trajectory", Map.of("place", "菜市场",
        "fromAt", "2022-07-09T09:00", "toAt", "2022-07-09T10:00", "transportMode", "BUS"), false).status())
        .isEqualTo(403);
    WebSession.Page added = cdc.postForm("/tracing/investigations/" + investigation + "/trajectory", Map.of("place",
        "菜市场", "fromAt", "2022-07-09T09:00", "toAt", "2022-07-09T10:00", "transportMode", "BUS"), true);
    assertThat(added.location()).endsWith("/tracing/investigations/" + investigation);
    assertThat(cdc.get("/tracing/investigations/" + investigation).body()).contains("菜市场").contains("公交");
    // a place without a venue code: the co-presence search finds nobody and says so
    assertThat(cdc.postForm("/tracing/investigations/" + investigation + "/copresence", Map.of(), true).location())
        .endsWith("/tracing/investigations/" + investigation);
    assertThat(cdc.get("/tracing/investigations/" + investigation).body())
        .contains("查找完成：本次新增 0 名候选人员，共 0 名");
    cdc.postForm("/tracing/investigations/" + investigation + "/transition", Map.of("state", "CORE_DONE"), true);
    assertThat(api.as("cdc").get("/api/v1/investigations/" + investigation).json().get("state").asString())
        .isEqualTo("CORE_DONE");

    String personId = CaseFixtures.person(api, "页面密接", COMMUNITY);
    WebSession.Page refused = cdc.postForm("/tracing/cases/" + caseId + "/contacts", Map.of("personId", personId,
        "category", "CLOSE", "contactType", "MEAL", "lastExposureDate", "2022-07-01",
        "discoveryRoute", "OWN_INVESTIGATION"), true);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("data-field-error=\"lastExposureDate\"").contains("2022-07-06");
    WebSession.Page accepted = cdc.postForm("/tracing/cases/" + caseId + "/contacts", Map.of("personId", personId,
        "category", "GENERAL", "contactType", "MEAL", "lastExposureDate", "2022-07-01",
        "discoveryRoute", "OWN_INVESTIGATION"), true);
    assertThat(accepted.location()).endsWith("/tracing/cases/" + caseId + "/contacts");
    assertThat(cdc.get("/tracing/cases/" + caseId + "/contacts").body()).contains("页面密接").contains("一般接触者");

    WebSession community = WebSession.login(api, "community");
    assertThat(community.get("/tracing/contacts/to-locate?size=500").body()).contains("页面密接");
    assertThat(WebSession.login(api, "commander").get("/tracing/investigations/overdue").status()).isEqualTo(200);
    assertThat(WebSession.login(api, "lab").get("/tracing/investigations/mine").status()).isEqualTo(403);
    assertThat(WebSession.login(api, "site").get("/tracing/contacts/to-locate").status()).isEqualTo(403);
  }

  @Test
  void anInvestigationOfAnotherDistrictIs404ForTheDistrict() {
    String other = CaseFixtures.caseOf(api, "界外流调", OTHER_DISTRICT_COMMUNITY, "CONFIRMED", "2026-11-01");
    String investigation = api.as("cdc").get("/api/v1/cases/" + other + "/investigation").json().get("id").asString();
    WebSession district = WebSession.login(api, "district");
    for (String path : new String[] {"/tracing/investigations/" + investigation, "/tracing/cases/" + other
        + "/contacts",
        "/tracing/cases/" + other + "/investigation"}) {
      assertThat(district.get(path).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void theVenuePagesOpenForTheirAudienceShowBadInputUnderTheFieldAndKeepOtherDistricts404() {
    String code = "VP" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Integer> list = Map.of("cdc", 200, "district", 200, "commander", 200, "lab", 403, "site", 403);
    list.forEach((user, status) -> assertThat(WebSession.login(api, user).get("/tracing/venues").status())
        .as(user).isEqualTo(status));
    assertThat(WebSession.login(api, "district").get("/tracing/venues/new").status()).isEqualTo(403);

    WebSession cdc = WebSession.login(api, "cdc");
    Map<String, String> form = Map.of("code", code, "name", "页面场所<b>v</b>", "type", "SUPERMARKET",
        "jurisdictionCode", COMMUNITY, "address", "", "lat", "30.27", "lon", "120.15");
    assertThat(cdc.postForm("/tracing/venues/new", form, false).status()).isEqualTo(403);
    WebSession.Page bad = cdc.postForm("/tracing/venues/new", Map.of("code", "x y", "name", "", "type", "",
        "jurisdictionCode", "000000", "lat", "北纬", "lon", "120"), true);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("data-field-error=\"code\"").contains("data-field-error=\"name\"")
        .contains("data-field-error=\"type\"").contains("data-field-error=\"jurisdictionCode\"")
        .contains("data-field-error=\"lat\"").contains("纬度应为 -90 至 90 之间的数字");
    WebSession.Page created = cdc.postForm("/tracing/venues/new", form, true);
    assertThat(created.location()).contains("/tracing/venues?q=" + code);
    assertThat(cdc.get("/tracing/venues?q=" + code).body()).contains("页面场所&lt;b&gt;v&lt;/b&gt;")
        .doesNotContain("页面场所<b>").contains("超市")
        .contains(api.as("cdc").get("/api/v1/jurisdictions/" + COMMUNITY).json().get("name").asString());
    WebSession.Page again = cdc.postForm("/tracing/venues/new", form, true);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("data-field-error=\"code\"").contains("该场所码已登记");

    WebSession.Page edited = cdc.postForm("/tracing/venues/" + code + "/edit", Map.of("name", "页面场所改名",
        "type", "SHOP", "jurisdictionCode", COMMUNITY, "address", "东湖路2号", "lat", "", "lon", ""), true);
    assertThat(edited.location()).endsWith("/tracing/venues/" + code + "/edit");
    assertThat(cdc.get("/tracing/venues/" + code + "/edit").body()).contains("已保存：页面场所改名");
    assertThat(cdc.postForm("/tracing/venues/" + code + "/retire", Map.of(), true).location())
        .endsWith("/tracing/venues/" + code + "/edit");
    String retired = cdc.get("/tracing/venues/" + code + "/edit").body();
    assertThat(retired).contains("页面场所改名").contains("场所已停用").contains("data-testid=\"venue-reactivate\"");
    assertThat(cdc.postForm("/tracing/venues/" + code + "/retire", Map.of(), true).status()).isEqualTo(302);
    assertThat(cdc.get("/tracing/venues/" + code + "/edit").body()).contains("该场所已停用（当前状态：RETIRED）");
    assertThat(cdc.get("/tracing/venues?q=" + code).body()).contains("data-testid=\"empty-state\"");
    assertThat(cdc.get("/tracing/venues?q=" + code + "&state=RETIRED").body()).contains("页面场所改名");

    String username = org.epicommand.tracing.VenueFixtures.otherDistrictEpidemiologist(api);
    WebSession other = WebSession.login(api, username, org.epicommand.tracing.VenueFixtures.PASSWORD);
    assertThat(other.get("/tracing/venues/" + code + "/edit").status()).isEqualTo(404);
    assertThat(other.postForm("/tracing/venues/" + code + "/reactivate", Map.of(), true).status()).isEqualTo(404);
    assertThat(other.get("/tracing/venues?jurisdiction=990101").status()).isEqualTo(404);
    assertThat(other.get("/tracing/venues?q=" + code + "&state=ALL").body()).doesNotContain("页面场所改名");
  }
}
