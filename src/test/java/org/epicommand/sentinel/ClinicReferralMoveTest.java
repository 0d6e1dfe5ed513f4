package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.sentinel.SentinelApiTest.fields;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * District staff move an open referral from the fever clinic it has to another one of their district (the API and
 * the page), and the home card counts the referrals waiting past the overdue threshold. Works in 南江区 (990103),
 * where only the referral tests register fever clinics.
 */
@EpiCommandTest
@EnableScenarios
class ClinicReferralMoveTest {

  private static final String COMMUNITY = "990103002006";
  private static final String OTHER_STREET = "990103003";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void districtStaffMoveAnOpenReferralToAnotherFeverClinicOfTheirDistrictOnce(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String personId = People.resident("改派居民" + tag, COMMUNITY).id(api);
    SentinelFixtures.feverClinic(api, "社区发热门诊" + tag, COMMUNITY);
    ClinicReferralFlowTest.raise(scenario, jdbc, ClinicReferralFlowTest.fever(personId, COMMUNITY, "改派居民" + tag,
        Instant.now().minus(25, ChronoUnit.HOURS)));
    String desk = SentinelFixtures.account(api, "south", "DISTRICT_STAFF", "990103");
    Api.Caller district = api.as(desk, CLERK_PASSWORD);
    List<JsonNode> mine = district.get("/api/v1/sentinel/clinic-referrals?assigned=true").json().valueStream()
        .filter(r -> r.get("personId").asString().equals(personId)).toList();
    assertThat(mine).hasSize(1);
    String id = mine.get(0).get("id").asString();
    String from = mine.get(0).get("clinicCode").asString();

    String target = SentinelFixtures.feverClinic(api, "改派目标门诊" + tag, OTHER_STREET);
    String nurse = SentinelFixtures.clinicStaff(api, target);
    String outside = SentinelFixtures.feverClinic(api, "东湖改派门诊" + tag, OrganisationFixtures.COMMUNITY);
    String village = OrganisationFixtures.register(api, "南江村卫生室" + tag, "CLINIC", COMMUNITY, null).json()
        .get("creditCode").asString();
    assertThat(api.as("commander").post("/api/v1/sentinel/clinics", Map.of("organisation", village, "type",
        "VILLAGE_CLINIC")).status()).isEqualTo(201);
    String path = "/api/v1/sentinel/clinic-referrals/" + id + "/move";
    for (Object clinic : List.of("", "91990000NOSUCH0001", village, outside, from)) {
      assertThat(fields(district.post(path, Map.of("clinicId", clinic)))).as("clinic " + clinic)
          .containsExactly("clinicId");
    }
    assertThat(fields(district.post(path, Map.of()))).containsExactly("clinicId");
    assertThat(api.as("district").post(path, Map.of("clinicId", target)).status()).isEqualTo(404);
    assertThat(api.as(nurse, CLERK_PASSWORD).post(path, Map.of("clinicId", target)).status()).isEqualTo(403);
    assertThat(api.as("cdc").post(path, Map.of("clinicId", target)).status()).isEqualTo(403);
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals").body()).doesNotContain(personId);
    assertThat(figure(api.as(nurse, CLERK_PASSWORD).get("/sentinel/referrals/widget", "text/html").body()))
        .isEqualTo("0");

    WebSession web = WebSession.login(api, desk, CLERK_PASSWORD);
    WebSession.Page page = web.get("/sentinel/referrals");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("发热门诊待接诊的转诊", "改派居民" + tag, "data-testid=\"move-form\"",
        "改派目标门诊" + tag).doesNotContain("东湖改派门诊" + tag, "南江村卫生室" + tag);
    WebSession.Page moved = web.postForm("/sentinel/referrals/" + id + "/move", Map.of("clinicId", target), true);
    assertThat(moved.status()).isEqualTo(302);
    JsonNode referral = district.get("/api/v1/sentinel/clinic-referrals/" + id).json();
    assertThat(referral.get("clinicCode").asString()).isEqualTo(target);
    assertThat(referral.get("clinicName").asString()).isEqualTo("改派目标门诊" + tag);
    assertThat(referral.get("state").asString()).isEqualTo("OPEN");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_CLINIC_REFERRAL' "
        + "and subject_id = ? and action = 'UPDATE' and username = ? and detail = ?")
        .params(id, desk, "MOVED from " + from + " to " + target).query(Long.class).single()).isEqualTo(1);
    JsonNode expected = api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals").json();
    assertThat(expected.size()).isEqualTo(1);
    assertThat(expected.get(0).get("id").asString()).isEqualTo(id);
    assertThat(expected.get(0).get("overdue").asBoolean()).isTrue();

    // the home card: the clinic's overdue referral, linking to its register; the desk's card counts its lists
    String card = api.as(nurse, CLERK_PASSWORD).get("/sentinel/referrals/widget", "text/html").body();
    assertThat(figure(card)).isEqualTo("1");
    assertThat(card).contains("超期未到诊", "href=\"/sentinel/clinic\"");
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/", "text/html").body())
        .contains("hx-get=\"/sentinel/referrals/widget\"");
    long listed = district.get("/api/v1/sentinel/clinic-referrals?assigned=true").json().valueStream()
        .filter(r -> r.get("overdue").asBoolean()).count() + district.get("/api/v1/sentinel/clinic-referrals"
        + "?unassigned=true").json().valueStream().filter(r -> r.get("overdue").asBoolean()).count();
    String deskCard = api.as(desk, CLERK_PASSWORD).get("/sentinel/referrals/widget", "text/html").body();
    assertThat(figure(deskCard)).isEqualTo(String.valueOf(listed));
    assertThat(deskCard).contains("href=\"/sentinel/referrals\"");

    Api.Answer back = district.post(path, Map.of("clinicId", target));
    assertThat(fields(back)).as("the clinic it has").containsExactly("clinicId");
    assertThat(api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-referrals/" + id + "/not-arrived",
        Map.of("reason", "已去外地")).status()).isEqualTo(200);
    Api.Answer closed = district.post(path, Map.of("clinicId", from));
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.json().get("currentState").asString()).isEqualTo("NOT_ARRIVED");
    assertThat(closed.json().get("detail").asString()).contains("NOT_ARRIVED");
    assertThat(figure(api.as(nurse, CLERK_PASSWORD).get("/sentinel/referrals/widget", "text/html").body()))
        .isEqualTo("0");
  }

  @Test
  void anUnassignedReferralIsAssignedNotMoved(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String bare = "990104001002";
    String personId = People.resident("未分配改派" + tag, bare).id(api);
    ClinicReferralFlowTest.raise(scenario, jdbc, ClinicReferralFlowTest.fever(personId, bare, "未分配改派" + tag,
        Instant.now()));
    String id = api.as("commander").get("/api/v1/sentinel/clinic-referrals?unassigned=true").json().valueStream()
        .filter(r -> r.get("personId").asString().equals(personId)).findFirst().orElseThrow().get("id").asString();
    String clinic = SentinelFixtures.feverClinic(api, "市区改派门诊" + tag, OrganisationFixtures.COMMUNITY);
    Api.Answer refused = api.as("commander").post("/api/v1/sentinel/clinic-referrals/" + id + "/move",
        Map.of("clinicId", clinic));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("OPEN");
  }

  /** The number on the card's only figure. */
  private static String figure(String html) {
    Matcher m = Pattern.compile("data-testid=\"tally-sentinel\\.widget\\.referralsOverdue\"[^>]*>\\s*<div[^>]*>([^<]+)"
        + "</div>").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1).strip();
  }
}
