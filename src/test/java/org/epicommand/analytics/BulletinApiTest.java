package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.analytics.internal.CaseCounts;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The public bulletin: drafted from a day's figures in the standard text (docs/domain.md §16), edited while a draft,
 * approved, published (every other move 409, every change audited), then public without login and without any
 * personal data. Uses a past day of its own (cases fed to the read model as events of that day).
 */
@EpiCommandTest
class BulletinApiTest {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  static final String BASE = "/api/v1/analytics/bulletins";

  @Autowired
  Api api;
  @Autowired
  CaseCounts caseCounts;
  @Autowired
  JdbcClient jdbc;

  /** A past day nobody else uses; on it: 3 local confirmed (1 a conversion), 2 local asymptomatic, 1 imported. */
  private LocalDate seededDay() {
    LocalDate day = LocalDate.now(CITY).minusDays(400 + Math.floorMod(System.nanoTime(), 1000));
    OffsetDateTime noon = day.atTime(12, 0).atZone(CITY).toOffsetDateTime();
    report(CaseFixtures.OTHER_DISTRICT_COMMUNITY, Classification.CONFIRMED, false, DiscoveryRoute.UNDER_CONTROL, noon);
    report(CaseFixtures.OTHER_DISTRICT_COMMUNITY, Classification.CONFIRMED, false, DiscoveryRoute.FEVER_CLINIC, noon);
    String converted = report(CaseFixtures.COMMUNITY, Classification.ASYMPTOMATIC, false,
        DiscoveryRoute.UNDER_CONTROL, noon.minusDays(3));
    report(CaseFixtures.COMMUNITY, Classification.ASYMPTOMATIC, false, DiscoveryRoute.MASS_TESTING, noon);
    report(CaseFixtures.OTHER_DISTRICT_COMMUNITY, Classification.ASYMPTOMATIC, false, DiscoveryRoute.UNDER_CONTROL,
        noon);
    report(CaseFixtures.COMMUNITY, Classification.CONFIRMED, true, DiscoveryRoute.INBOUND_TESTING, noon);
    // the listener runs asynchronously: the reclassification needs its case counted first
    awaitCounted(ids, "ASYMPTOMATIC", converted);
    caseCounts.on(new CaseReclassified(converted, UUID.randomUUID().toString(), CaseFixtures.COMMUNITY,
        Classification.ASYMPTOMATIC, Classification.CONFIRMED, "出现症状", noon, true));
    awaitCounted(List.of(converted), "CONFIRMED", converted);
    return day;
  }

  private final List<String> ids = new ArrayList<>();

  /** Waits until every case of {@code caseIds} is counted, {@code which} with {@code classification}. */
  private void awaitCounted(List<String> caseIds, String classification, String which) {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(jdbc.sql("select count(*) from analytics_case where case_id in (:ids)").param("ids", caseIds)
          .query(Long.class).single()).isEqualTo(caseIds.size());
      assertThat(jdbc.sql("select classification from analytics_case where case_id = :id").param("id", which)
          .query(String.class).single()).isEqualTo(classification);
    });
  }

  private String report(String community, Classification classification, boolean imported, DiscoveryRoute route,
      OffsetDateTime at) {
    String id = UUID.randomUUID().toString();
    ids.add(id);
    caseCounts.on(new CaseReported(id, UUID.randomUUID().toString(), community, classification, null, at, imported,
        route, false));
    return id;
  }

  @Test
  void aBulletinIsDraftedInTheStandardTextEditedApprovedAndPublishedAndIllegalMovesAre409() {
    LocalDate day = seededDay();
    String path = BASE + "/" + day;
    Api.Answer created = api.as("commander").post(BASE, Map.of("date", day.toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode draft = created.json();
    assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
    String text = draft.get("text").asString();
    String md = day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    assertThat(text).startsWith(md + "0—24时，全市新增本土确诊病例3例（其中1例为此前报告的无症状感染者转归），新增本土无症状感染者2例；"
        + "新增境外输入确诊病例1例，新增境外输入无症状感染者0例。")
        .contains("新增本土病例中，3例在隔离管控中发现，2例在社会面发现。")
        .contains("截至" + md + "24时，全市累计报告本土确诊病例");
    assertThat(draft.get("figures").get("newLocalConfirmed").asLong()).isEqualTo(3);
    assertThat(draft.get("figures").get("conversions").asLong()).isEqualTo(1);
    assertThat(draft.get("createdBy").asString()).isEqualTo("commander");

    // a second draft of the day, a future day, no rights
    assertThat(api.as("commander").post(BASE, Map.of("date", day.toString())).status()).isEqualTo(409);
    Api.Answer future = api.as("commander").post(BASE, Map.of("date", LocalDate.now(CITY).plusDays(2).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().toString()).contains("date");
    assertThat(api.as("cdc").post(BASE, Map.of("date", day.toString())).status()).isEqualTo(403);
    assertThat(api.as("cdc").get(path).status()).isEqualTo(403);

    // not public while a draft; publishing a draft is 409
    assertThat(api.anonymous().get("/api/v1/public/bulletins/" + day).status()).isEqualTo(404);
    Api.Answer early = api.as("commander").post(path + "/publish", "{}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().toString()).contains("DRAFT");

    String edited = text + "请广大市民继续做好个人防护。";
    assertThat(api.as("commander").put(path, Map.of("text", "   ")).status()).isEqualTo(400);
    Api.Answer saved = api.as("commander").put(path, Map.of("text", edited));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("text").asString()).isEqualTo(edited);

    // four eyes: the drafter does not approve; the command office's second member does
    assertThat(api.as("commander").post(path + "/approve", "{}").status()).isEqualTo(409);
    Api.Answer approved = api.as("office").post(path + "/approve", "{}");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
    assertThat(approved.json().get("approvedBy").asString()).isEqualTo("office");
    assertThat(api.as("commander").put(path, Map.of("text", "改")).status()).isEqualTo(409);
    assertThat(api.as("commander").post(path + "/approve", "{}").status()).isEqualTo(409);

    Api.Answer published = api.as("commander").post(path + "/publish", "{}");
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().get("state").asString()).isEqualTo("PUBLISHED");
    assertThat(published.json().get("publishedAt").isNull()).isFalse();
    assertThat(api.as("commander").post(path + "/publish", "{}").status()).isEqualTo(409);
    assertThat(api.as("commander").post(path + "/approve", "{}").status()).isEqualTo(409);
    assertThat(api.as("commander").put(path, Map.of("text", "改")).status()).isEqualTo(409);

    List<String> audited = jdbc.sql(
        "select detail from audit_event where subject_type = 'BULLETIN' and subject_id = :id"
        + " order by id").param("id", day.toString()).query(String.class).list();
    assertThat(audited).containsExactly("draft", "edit", "approved", "published");

    // public, no login: the text and counts, nothing about persons or staff
    Api.Answer one = api.anonymous().get("/api/v1/public/bulletins/" + day);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("text").asString()).isEqualTo(edited);
    assertThat(one.json().get("figures").get("newLocalAsymptomatic").asLong()).isEqualTo(2);
    assertThat(fieldNames(one.json())).containsExactlyInAnyOrder("date", "areaName", "text", "figures", "publishedAt",
        "newLocalConfirmed", "conversions", "newLocalAsymptomatic", "newImportedConfirmed", "newImportedAsymptomatic");
    Api.Answer all = api.anonymous().get("/api/v1/public/bulletins");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains(day.toString()).doesNotContain("commander", "createdBy", "approvedBy", "personId",
        "idNumber", "name\"", "address", "phone");
    Api.Answer page = api.anonymous().get("/public/bulletins/" + day, "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("疫情通报", "新增本土确诊病例3例").doesNotContain("commander");
    // the published time reads in the city's zone (+08:00), not in UTC
    String publishedInCity = OffsetDateTime.parse(published.json().get("publishedAt").asString())
        .atZoneSameInstant(CITY).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    assertThat(page.body()).contains("发布时间：" + publishedInCity);
  }

  @Test
  void theDraftNamesTheDistrictsOfNewLocalCasesAndAQuietDaySaysZero() {
    LocalDate quiet = LocalDate.now(CITY).minusDays(1500 + Math.floorMod(System.nanoTime(), 300));
    Api.Answer created = api.as("commander").post(BASE, Map.of("date", quiet.toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String text = created.json().get("text").asString();
    assertThat(text).contains("全市新增本土确诊病例0例，新增本土无症状感染者0例").doesNotContain("转归", "社会面发现", "分布");

    LocalDate day = seededDay();
    String busy = api.as("commander").post(BASE, Map.of("date", day.toString())).json().get("text").asString();
    JsonNode dashboard = api.as("commander").get("/api/v1/analytics/dashboard").json();
    assertThat(busy).contains("新增本土病例分布在：" + SituationReportTest.districtName(dashboard, DemoPlaces.OTHER_DISTRICT)
        + "3例、"
        + SituationReportTest.districtName(dashboard, DemoPlaces.DISTRICT) + "2例。");
    assertThat(api.as("commander").get(BASE).json().toString()).contains(day.toString(), quiet.toString());
    assertThat(api.anonymous().get("/api/v1/public/bulletins").body()).doesNotContain(quiet.toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> {
      names.add(e.getKey());
      if (e.getValue().isObject()) {
        names.addAll(fieldNames(e.getValue()));
      }
    });
    return names;
  }
}
