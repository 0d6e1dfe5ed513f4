package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.labtest.LabtestFixtures.upload;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Inspections of a pharmacy by market regulation through HTTP: each buyer found sold to without registration gets
 * one INSPECTION item on the list of the community they live in (not twice when the same inspection is posted
 * again), closing itself when their sampling lands; a violation restricts the pharmacy; bad input is refused field
 * by field with nothing stored; other roles are refused (403) and other districts do not see the pharmacy (404).
 */
@EpiCommandTest
class PharmacyInspectionApiTest {

  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void anInspectionWithTwoBuyersPutsEachOnTheirOwnCommunitysListOnce() throws InterruptedException {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "检查药房" + tag, DemoPlaces.COMMUNITY);
    String here = residentId();
    String there = residentId();
    Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE).minusDays(1), List.of(
        buyer(here, "查获甲" + tag, DemoPlaces.COMMUNITY), buyer(there, "查获乙" + tag, DemoPlaces.NEIGHBOUR)));
    body.put("pharmacyStatus", "RESTRICTED");

    Api.Answer recorded = api.as("district").post(path(pharmacy), body);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    JsonNode inspection = recorded.json();
    String id = inspection.get("id").asString();
    assertThat(inspection.get("inspector").asString()).isEqualTo("district");
    assertThat(inspection.get("outcome").asString()).isEqualTo("VIOLATION_FOUND");
    assertThat(inspection.get("pharmacyStatus").asString()).isEqualTo("RESTRICTED");
    assertThat(inspection.get("buyers").valueStream().map(b -> b.get("name").asString()).toList())
        .containsExactly("查获甲" + tag, "查获乙" + tag);
    assertThat(inspection.get("buyers").get(0).get("maskedIdNumber").asString())
        .isEqualTo(here.substring(0, 4) + "**********" + here.substring(14));
    assertThat(api.as("district").get("/api/v1/sentinel/pharmacies/" + pharmacy).json().get("status").asString())
        .isEqualTo("RESTRICTED");

    // each buyer on their own community's list, from this inspection, due within the day
    JsonNode mine = only(items("community"), "查获甲" + tag);
    assertThat(mine.get("source").asString()).isEqualTo("INSPECTION");
    assertThat(mine.get("inspectionId").asString()).isEqualTo(id);
    assertThat(mine.get("pharmacyName").asString()).isEqualTo("检查药房" + tag);
    assertThat(mine.get("phone").asString()).as("the number the inspectors took down").isEqualTo("13800138000");
    assertThat(mine.get("state").asString()).isEqualTo("OPEN");
    assertThat(mine.get("id").asString()).isEqualTo(inspection.get("buyers").get(0).get("verificationItemId")
        .asString());
    assertThat(items("community").stream().filter(i -> i.get("name").asString().equals("查获乙" + tag))).isEmpty();
    String neighbour = SentinelFixtures.account(api, "grid", "COMMUNITY_WORKER", DemoPlaces.NEIGHBOUR);
    JsonNode theirs = only(items(neighbour), "查获乙" + tag);
    assertThat(theirs.get("source").asString()).isEqualTo("INSPECTION");
    assertThat(countItems(id)).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_VERIFICATION' "
        + "and subject_id = ? and action = 'CREATE' and username = 'district'").param(mine.get("id").asString())
        .query(Long.class).single()).isEqualTo(1);

    // the same payload again: the same inspection, no second item
    Api.Answer again = api.as("district").post(path(pharmacy), body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(id);
    assertThat(countItems(id)).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from sentinel_inspection where pharmacy_code = ?").param(pharmacy)
        .query(Long.class).single()).isEqualTo(1);
    JsonNode listed = api.as("district").get(path(pharmacy)).json();
    assertThat(listed.valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(id);

    // the buyer sampled after the inspection: the item closes by itself when the result lands
    Instant sampled = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    upload(api, "lab", "tubes", TUBES_HEADER + "I" + tag + ",SINGLE,RESIDENT_ID," + here + ",S990101001001,"
        + sampled + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + "I" + tag + ",NEGATIVE,,,LAB01," + Instant.now()
        .truncatedTo(ChronoUnit.SECONDS) + "\n");
    JsonNode closed = null;
    for (int i = 0; i < 60; i++) {
      closed = api.as("community").get("/api/v1/sentinel/verification/" + mine.get("id").asString()).json();
      if (closed.get("state").asString().equals("CLOSED")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asString()).isEqualTo("SAMPLED");
    assertThat(api.as(neighbour, CLERK_PASSWORD).get("/api/v1/sentinel/verification/" + theirs.get("id").asString())
        .json().get("state").asString()).isEqualTo("OPEN");
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsStored() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "拒收药房" + tag, DemoPlaces.COMMUNITY);
    Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE).plusDays(1), List.of(
        buyer(residentId(), "有效" + tag, DemoPlaces.COMMUNITY),
        buyer("110101199001011234", "无效" + tag, DemoPlaces.COMMUNITY)));
    body.put("findings", " ");
    assertThat(SentinelApiTest.fields(api.as("district").post(path(pharmacy), body)))
        .containsExactlyInAnyOrder("inspectedOn", "findings", "buyers[1].idNumber");

    Map<String, Object> compliant = inspection(LocalDate.now(CITY_ZONE), List.of(
        buyer(residentId(), "合规" + tag, DemoPlaces.COMMUNITY)));
    compliant.put("outcome", "COMPLIANT");
    compliant.put("pharmacyStatus", "SALES_SUSPENDED");
    assertThat(SentinelApiTest.fields(api.as("district").post(path(pharmacy), compliant)))
        .containsExactlyInAnyOrder("buyers", "pharmacyStatus");
    Map<String, Object> closing = inspection(LocalDate.now(CITY_ZONE), List.of());
    closing.put("pharmacyStatus", "CLOSED");
    assertThat(SentinelApiTest.fields(api.as("district").post(path(pharmacy), closing)))
        .containsExactly("pharmacyStatus");

    assertThat(jdbc.sql("select count(*) from sentinel_inspection where pharmacy_code = ?").param(pharmacy)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from sentinel_verification where person_name like ?").param("%" + tag)
        .query(Long.class).single()).isZero();
    assertThat(api.as("district").get(path(pharmacy)).json().size()).isZero();
    assertThat(api.as("district").get("/api/v1/sentinel/pharmacies/" + pharmacy).json().get("status").asString())
        .isEqualTo("OPEN");
  }

  @Test
  void aBuyerLivingOutsideTheCityIsRefusedOnTheirOwnRow() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "外市药房" + tag, DemoPlaces.COMMUNITY);
    // a second city beside the demo one: its divisions exist, but outside the pharmacy's city
    String elsewhere = "998800";
    jdbc.sql("insert into jurisdiction (code, name, level, path) values (?, ?, 'CITY', ?) on conflict do nothing")
        .params(elsewhere, "外市" + tag, "/" + elsewhere + "/").update();
    try {
      Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE), List.of(
          buyer(residentId(), "本市" + tag, DemoPlaces.COMMUNITY), buyer(residentId(), "外市" + tag, elsewhere)));
      Api.Answer refused = api.as("district").post(path(pharmacy), body);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(SentinelApiTest.fields(refused)).containsExactly("buyers[1].jurisdictionCode");

      assertThat(jdbc.sql("select count(*) from sentinel_inspection where pharmacy_code = ?").param(pharmacy)
          .query(Long.class).single()).isZero();
      assertThat(jdbc.sql("select count(*) from sentinel_verification where person_name like ?").param("%" + tag)
          .query(Long.class).single()).isZero();
      assertThat(jdbc.sql("select count(*) from person where name like ?").param("%" + tag)
          .query(Long.class).single()).isZero();
    } finally {
      jdbc.sql("delete from jurisdiction where code = ?").param(elsewhere).update();
    }
  }

  @Test
  void otherRolesAreRefusedAndOtherDistrictsDoNotSeeThePharmacy() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "权限药房" + tag, DemoPlaces.COMMUNITY);
    String clerk = SentinelFixtures.clerk(api, pharmacy);
    Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE), List.of(
        buyer(residentId(), "越权" + tag, DemoPlaces.COMMUNITY)));
    assertThat(api.as("community").post(path(pharmacy), body).status()).isEqualTo(403);
    assertThat(api.as("cdc").post(path(pharmacy), body).status()).isEqualTo(403);
    assertThat(api.as(clerk, CLERK_PASSWORD).post(path(pharmacy), body).status()).isEqualTo(403);
    assertThat(api.as(clerk, CLERK_PASSWORD).get(path(pharmacy)).status()).isEqualTo(403);
    String west = SentinelFixtures.account(api, "mr", "DISTRICT_STAFF", DemoPlaces.OTHER_DISTRICT);
    assertThat(api.as(west, CLERK_PASSWORD).post(path(pharmacy), body).status()).isEqualTo(404);
    assertThat(api.as(west, CLERK_PASSWORD).get(path(pharmacy)).status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from sentinel_inspection where pharmacy_code = ?").param(pharmacy)
        .query(Long.class).single()).isZero();
    assertThat(api.as("community").get(path(pharmacy)).status()).isEqualTo(200);
  }

  @Test
  void marketRegulationRecordsAnInspectionOnThePharmacysPage() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "页面药房" + tag, DemoPlaces.COMMUNITY);
    WebSession district = WebSession.login(api, "district");
    assertThat(district.get("/sentinel/pharmacies").body()).contains("页面药房" + tag);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body()).contains("data-testid=\"inspection-form\"");
    assertThat(WebSession.login(api, "community").get("/sentinel/pharmacies/" + pharmacy).body())
        .contains("页面药房" + tag).doesNotContain("data-testid=\"inspection-form\"");

    Map<String, String> form = new HashMap<>();
    form.put("inspectedOn", LocalDate.now(CITY_ZONE).toString());
    form.put("outcome", "VIOLATION_FOUND");
    form.put("findings", "抽查销售记录，发现未登记销售布洛芬");
    form.put("pharmacyStatus", "");
    form.put("buyerIdType", "RESIDENT_ID");
    form.put("buyerIdNumber", "110101199001011234");
    form.put("buyerName", "页面购药" + tag);
    form.put("buyerPhone", "13900139000");
    WebSession.Page refused = district.postForm("/sentinel/pharmacies/" + pharmacy + "/inspections", form, true);
    assertThat(refused.status()).isEqualTo(302);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body())
        .contains("data-field-error=\"buyers[0].idNumber\"", "value=\"页面购药" + tag + "\"")
        .as("nothing recorded").doesNotContain("data-testid=\"inspections\"");

    form.put("buyerIdNumber", residentId());
    assertThat(district.postForm("/sentinel/pharmacies/" + pharmacy + "/inspections", form, true).status())
        .isEqualTo(302);
    String page = district.get("/sentinel/pharmacies/" + pharmacy).body();
    assertThat(page).contains("已记录检查", "页面购药" + tag, "发现违规", "检查人：district");
    // the community's list (new items come last: by due time), page by page
    WebSession community = WebSession.login(api, "community");
    String list = "";
    for (int p = 0; p < 200 && !list.contains("页面购药" + tag); p++) {
      list = community.get("/sentinel/verification?page=" + p).body();
      if (!list.contains("data-testid=\"items\"")) {
        break;
      }
    }
    assertThat(list).contains("页面购药" + tag, "data-testid=\"inspection-source\"",
        "检查发现在 页面药房" + tag + " 未登记购药");
  }

  @Test
  void aRefusedBuyerBelowABlankRowIsShownOnTheRowThatWasFilled() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "空行药房" + tag, DemoPlaces.COMMUNITY);
    WebSession district = WebSession.login(api, "district");
    List<Map.Entry<String, String>> form = new ArrayList<>(List.of(
        Map.entry("inspectedOn", LocalDate.now(CITY_ZONE).toString()), Map.entry("outcome", "VIOLATION_FOUND"),
        Map.entry("findings", "第四行登记了购药人，前三行留空"), Map.entry("pharmacyStatus", "")));
    // five rows as the page posts them: the first three left blank, the fourth (folded away on the page until
    // opened) filled with a wrong check digit
    for (int row = 0; row < 5; row++) {
      form.add(Map.entry("buyerIdType", "RESIDENT_ID"));
      form.add(Map.entry("buyerIdNumber", row == 3 ? "110101199001011234" : ""));
      form.add(Map.entry("buyerName", row == 3 ? "第四行" + tag : ""));
      form.add(Map.entry("buyerPhone", row == 3 ? "13900139000" : ""));
    }
    WebSession.Page refused = district.postForm("/sentinel/pharmacies/" + pharmacy + "/inspections", form, true);
    assertThat(refused.status()).isEqualTo(302);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body())
        .contains("data-field-error=\"buyers[3].idNumber\"", "value=\"第四行" + tag + "\"")
        .as("the folded rows open on what was typed there").contains("data-testid=\"more-buyers\" open=\"open\"")
        .doesNotContain("data-field-error=\"buyers[0].");
    assertThat(jdbc.sql("select count(*) from sentinel_inspection where pharmacy_code = ?").param(pharmacy)
        .query(Long.class).single()).isZero();
  }

  static String path(String pharmacy) {
    return "/api/v1/sentinel/pharmacies/" + pharmacy + "/inspections";
  }

  static Map<String, Object> inspection(LocalDate on, List<Map<String, Object>> buyers) {
    Map<String, Object> body = new HashMap<>();
    body.put("inspectedOn", on.toString());
    body.put("findings", "抽查销售记录，发现向两人出售退烧药未实名登记");
    body.put("outcome", "VIOLATION_FOUND");
    body.put("buyers", buyers);
    return body;
  }

  static Map<String, Object> buyer(String idNumber, String name, String community) {
    return Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", name, "phone", "13800138000",
        "jurisdictionCode", community);
  }

  private List<JsonNode> items(String worker) {
    Api.Caller caller = worker.equals("community") ? api.as("community") : api.as(worker, CLERK_PASSWORD);
    Api.Answer list = caller.get("/api/v1/sentinel/verification?size=500");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().get("items").valueStream().toList();
  }

  private static JsonNode only(List<JsonNode> items, String name) {
    List<JsonNode> named = items.stream().filter(i -> i.get("name").asString().equals(name)).toList();
    assertThat(named).as(name).hasSize(1);
    return named.get(0);
  }

  private long countItems(String inspection) {
    return jdbc.sql("select count(*) from sentinel_verification where inspection_id = ?::uuid and source = "
        + "'INSPECTION'").param(inspection).query(Long.class).single();
  }
}
