package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.CITY_ZONE;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.buyer;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.inspection;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.path;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.LocalDate;
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
 * Correcting an inspection's findings in place, through HTTP: market regulation of the pharmacy's district gives the
 * findings as they should read and a reason (both required, 400 naming each, nothing changed); the inspection keeps
 * its day, outcome, buyers and their items, says who corrected it, when and why, and keeps the findings as first
 * recorded, which a row of the register under its number may still state. The same findings again change nothing;
 * a withdrawn inspection is 409 naming WITHDRAWN; other roles are refused (403), other districts do not find it (404).
 */
@EpiCommandTest
class InspectionCorrectionApiTest {

  private static final String FIRST = "抽查销售记录，发现向两人出售退烧药未实名登记";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theFindingsAreCorrectedInPlaceAndTheFirstOnesKept() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "更正药房" + tag, DemoPlaces.COMMUNITY);
    Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE), List.of(buyer(residentId(), "更正甲" + tag,
        DemoPlaces.COMMUNITY)));
    Api.Answer recorded = api.as("district").post(path(pharmacy), body);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asString();
    String item = recorded.json().get("buyers").get(0).get("verificationItemId").asString();
    assertThat(recorded.json().get("correctedAt").isNull()).isTrue();

    // no findings, no reason, or either too long: refused on each field, nothing changed
    assertThat(SentinelApiTest.fields(api.as("district").post(correct(pharmacy, id), Map.of("findings", " ",
        "reason", "")))).containsExactlyInAnyOrder("findings", "reason");
    assertThat(SentinelApiTest.fields(api.as("district").post(correct(pharmacy, id), Map.of("findings",
        "查".repeat(2001), "reason", "误".repeat(501))))).containsExactlyInAnyOrder("findings", "reason");
    assertThat(SentinelApiTest.fields(api.as("district").post(correct(pharmacy, id), Map.of())))
        .containsExactlyInAnyOrder("findings", "reason");
    assertThat(findings(id)).isEqualTo(FIRST + "/null");
    assertThat(audited(id)).isZero();

    String fixed = "抽查销售记录，发现向一人出售退烧药未实名登记" + tag;
    Api.Answer corrected = api.as("district").post(correct(pharmacy, id), Map.of("findings", " " + fixed + " ",
        "reason", "人数写错"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    JsonNode now = corrected.json();
    assertThat(now.get("findings").asString()).isEqualTo(fixed);
    assertThat(now.get("originalFindings").asString()).isEqualTo(FIRST);
    assertThat(now.get("correctedBy").asString()).isEqualTo("district");
    assertThat(now.get("correctionReason").asString()).isEqualTo("人数写错");
    assertThat(now.get("correctedAt").isNull()).isFalse();
    assertThat(now.get("state").asString()).isEqualTo("RECORDED");
    assertThat(now.get("outcome").asString()).isEqualTo("VIOLATION_FOUND");
    assertThat(now.get("buyers").get(0).get("verificationItemId").asString()).isEqualTo(item);
    assertThat(jdbc.sql("select state from sentinel_verification where id = ?::uuid").param(item)
        .query(String.class).single()).as("its items as they were").isEqualTo("OPEN");
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'SENTINEL_INSPECTION' and subject_id = ?"
        + " and action = 'UPDATE' and username = 'district'").param(id).query(String.class).list())
        .containsExactly("inspection of " + pharmacy + " corrected: 人数写错");

    // the same findings again (a retried correction): nothing more; a second correction keeps the first findings
    assertThat(api.as("district").post(correct(pharmacy, id), Map.of("findings", fixed, "reason", "再存一次"))
        .json().get("correctionReason").asString()).isEqualTo("人数写错");
    assertThat(audited(id)).isEqualTo(1);
    Api.Answer second = api.as("district").post(correct(pharmacy, id), Map.of("findings", fixed + "，已责令整改",
        "reason", "补充处理情况"));
    assertThat(second.json().get("originalFindings").asString()).isEqualTo(FIRST);
    assertThat(findings(id)).isEqualTo(fixed + "，已责令整改/" + FIRST);
    // the first post retried is still the same inspection, not a new one
    Api.Answer retried = api.as("district").post(path(pharmacy), body);
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.json().get("id").asString()).isEqualTo(id);

    // withdrawn: no more corrections, 409 naming the state
    assertThat(api.as("district").post(path(pharmacy) + "/" + id + "/withdraw", Map.of("reason", "误录")).status())
        .isEqualTo(200);
    Api.Answer late = api.as("district").post(correct(pharmacy, id), Map.of("findings", "再改", "reason", "再改"));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().get("currentState").asString()).isEqualTo("WITHDRAWN");
    assertThat(late.json().get("detail").asString()).contains("已撤销");
    assertThat(findings(id)).isEqualTo(fixed + "，已责令整改/" + FIRST);
  }

  @Test
  void onlyMarketRegulationOfThePharmacysDistrictCorrectsAnInspection() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    Recorded recorded = recorded("更正权限" + tag);
    String pharmacy = recorded.pharmacy();
    String id = recorded.id();
    Map<String, Object> change = Map.of("findings", "改写" + tag, "reason", "笔误");

    assertThat(api.as("community").post(correct(pharmacy, id), change).status()).isEqualTo(403);
    assertThat(api.as("cdc").post(correct(pharmacy, id), change).status()).isEqualTo(403);
    String west = SentinelFixtures.account(api, "mr", "DISTRICT_STAFF", DemoPlaces.OTHER_DISTRICT);
    assertThat(api.as(west, CLERK_PASSWORD).post(correct(pharmacy, id), change).status()).isEqualTo(404);
    String other = SentinelFixtures.pharmacy(api, "别家更正" + tag, DemoPlaces.COMMUNITY);
    assertThat(api.as("district").post(correct(other, id), change).status()).isEqualTo(404);
    assertThat(findings(id)).isEqualTo(FIRST + "/null");
    assertThat(audited(id)).isZero();
  }

  @Test
  void aRegistersRowStillAgreesWithTheFindingsAsFirstImported() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "更正登记" + tag, DemoPlaces.COMMUNITY);
    LocalDate day = LocalDate.now(CITY_ZONE).minusDays(1);
    String row = pharmacy + ",GZ-" + tag + "," + day + ",发现违规,未实名登记" + tag + ",,";
    InspectionImportTest.importRegister(api, InspectionImportTest.HEADER + row + "," + residentId() + ",登记甲" + tag
        + ",13800138000,\n");
    JsonNode recorded = api.as("district").get(path(pharmacy)).json().get(0);
    String id = recorded.get("id").asString();
    assertThat(api.as("district").post(correct(pharmacy, id), Map.of("findings", "未实名登记销售退烧药" + tag,
        "reason", "补全")).status()).isEqualTo(200);

    // the register's later rows state the findings as first imported, or as corrected: both add their buyer
    JsonNode later = InspectionImportTest.importRegister(api, InspectionImportTest.HEADER + row + "," + residentId()
        + ",登记乙" + tag + ",13800138001,\n" + pharmacy + ",GZ-" + tag + "," + day + ",发现违规,未实名登记销售退烧药" + tag + ",,,"
        + residentId() + ",登记丙" + tag + ",13800138002,\n" + pharmacy + ",GZ-" + tag + "," + day
        + ",发现违规,别的说法" + tag + ",,," + residentId() + ",登记丁" + tag + ",13800138003,\n");
    assertThat(later.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(errors(later)).containsExactly("4:findings");
    assertThat(api.as("district").get(path(pharmacy)).json().get(0).get("buyers").valueStream()
        .map(b -> b.get("name").asString()).toList()).containsExactly("登记甲" + tag, "登记乙" + tag, "登记丙" + tag);
  }

  @Test
  void marketRegulationCorrectsTheFindingsOnThePharmacysPage() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    Recorded recorded = recorded("页面更正" + tag);
    String pharmacy = recorded.pharmacy();
    String id = recorded.id();
    WebSession district = WebSession.login(api, "district");
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body()).contains("data-testid=\"correct\"",
        "/sentinel/pharmacies/" + pharmacy + "/inspections/" + id + "/correct", "更正检查发现")
        .doesNotContain("data-testid=\"correction\"");
    assertThat(WebSession.login(api, "community").get("/sentinel/pharmacies/" + pharmacy).body())
        .contains("页面更正" + tag).doesNotContain("data-testid=\"correct\"");

    String target = "/sentinel/pharmacies/" + pharmacy + "/inspections/" + id + "/correct";
    assertThat(district.postForm(target, Map.of("findings", "改好的发现" + tag, "reason", " "), true).status())
        .isEqualTo(302);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body()).contains("请填写更正原因（最多 500 个字符）")
        .doesNotContain("改好的发现" + tag);
    assertThat(district.postForm(target, Map.of("findings", "改好的发现" + tag, "reason", "错字" + tag), true)
        .status()).isEqualTo(302);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body()).contains("已更正检查发现",
        "data-testid=\"correction\"", "改好的发现" + tag, "已由 district 于 ", "原因：错字" + tag);
  }

  private record Recorded(String pharmacy, String id) {}

  /** A pharmacy of that name in the demo community, with one inspection of today (no buyers) recorded. */
  private Recorded recorded(String name) {
    String pharmacy = SentinelFixtures.pharmacy(api, name, DemoPlaces.COMMUNITY);
    return new Recorded(pharmacy, api.as("district").post(path(pharmacy), inspection(LocalDate.now(CITY_ZONE),
        List.of())).json().get("id").asString());
  }

  private static String correct(String pharmacy, String inspection) {
    return path(pharmacy) + "/" + inspection + "/correct";
  }

  /** The findings now and as first recorded, as "now/first" ("null" while never corrected). */
  private String findings(String id) {
    return jdbc.sql("select findings || '/' || coalesce(original_findings, 'null') from sentinel_inspection"
        + " where id = ?::uuid").param(id).query(String.class).single();
  }

  private long audited(String id) {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_INSPECTION' and subject_id = ?"
        + " and action = 'UPDATE'").param(id).query(Long.class).single();
  }
}
