package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.cases.CaseFixtures.body;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.analytics.internal.CaseCounts;
import org.epicommand.analytics.internal.ManagementCounts;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.quarantine.QuarantineOrderEnded;
import org.epicommand.quarantine.QuarantineOrderOpened;
import org.epicommand.quarantine.Regime;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's read models follow the case and quarantine events (reported through the API),
 * count each event once, stay inside the caller's jurisdiction, and feed Rt on the platform's cases.
 * Tests share one database, so every check compares the figures before and after.
 */
@EpiCommandTest
class DashboardApiTest {

  static final String DISTRICT = DemoPlaces.DISTRICT;
  static final String COMMUNITY = CaseFixtures.COMMUNITY;
  static final Duration WAIT = Duration.ofSeconds(15);

  @Autowired
  Api api;
  @Autowired
  CaseCounts caseCounts;
  @Autowired
  ManagementCounts managementCounts;

  private JsonNode dashboard(String user, String district) {
    Api.Answer answer = api.as(user).get("/api/v1/analytics/dashboard" + (district == null ? "" : "?district="
        + district));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static long today(JsonNode d, String field) {
    return d.get("today").get(field).asLong();
  }

  private static long districtRow(JsonNode d, String code, String field) {
    for (JsonNode row : d.get("byDistrict")) {
      if (row.get("code").asString().equals(code)) {
        return row.get(field).asLong();
      }
    }
    throw new AssertionError("no district " + code);
  }

  private String report(String classification, boolean imported, String route, String onset) {
    String personId = CaseFixtures.person(api, "看板病例", COMMUNITY);
    Map<String, Object> body = body("personId", personId, "classification", classification, "imported", imported,
        "discoveryRoute", route);
    if (onset != null) {
      body.put("onsetDate", onset);
    }
    Api.Answer created = api.as("cdc").post("/api/v1/cases", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  @Test
  void reportedCasesShowOnTheDashboardSplitByRouteAndOriginAndAReclassificationMovesTheCount() {
    JsonNode before = dashboard("commander", DISTRICT);
    LocalDate today = LocalDate.parse(before.get("date").asString());
    report("CONFIRMED", false, "UNDER_CONTROL", today.minusDays(2).toString());
    report("CONFIRMED", false, "FEVER_CLINIC", today.minusDays(1).toString());
    String asymptomatic = report("ASYMPTOMATIC", false, "UNDER_CONTROL", null);
    report("CONFIRMED", true, "INBOUND_TESTING", today.minusDays(3).toString());
    report("SUSPECTED", false, "FEVER_CLINIC", null);

    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode after = dashboard("commander", DISTRICT);
      assertThat(today(after, "localConfirmed") - today(before, "localConfirmed")).isEqualTo(2);
      assertThat(today(after, "localConfirmedUnderControl") - today(before, "localConfirmedUnderControl")).isEqualTo(1);
      assertThat(today(after, "localConfirmedSociety") - today(before, "localConfirmedSociety")).isEqualTo(1);
      assertThat(today(after, "localAsymptomatic") - today(before, "localAsymptomatic")).isEqualTo(1);
      assertThat(today(after, "importedConfirmed") - today(before, "importedConfirmed")).isEqualTo(1);
      assertThat(after.get("societyZero").asBoolean()).isFalse();
      assertThat(after.get("cumulative").get("localConfirmed").asLong()
          - before.get("cumulative").get("localConfirmed").asLong()).isEqualTo(2);
      // curves: 30 days, today last; by onset the fever-clinic case sits on yesterday
      JsonNode report = after.get("curve").get("byReport");
      JsonNode onset = after.get("curve").get("byOnset");
      assertThat(after.get("curve").get("days")).hasSize(30);
      assertThat(report.get("localConfirmed").get(29).asLong()
          - before.get("curve").get("byReport").get("localConfirmed").get(29).asLong()).isEqualTo(2);
      assertThat(onset.get("localConfirmed").get(28).asLong()
          - before.get("curve").get("byOnset").get("localConfirmed").get(28).asLong()).isEqualTo(1);
      assertThat(onset.get("imported").get(26).asLong()
          - before.get("curve").get("byOnset").get("imported").get(26).asLong()).isEqualTo(1);
    });

    JsonNode beforeConversion = dashboard("commander", DISTRICT);
    Api.Answer reclassified = api.as("cdc").post("/api/v1/cases/" + asymptomatic + "/reclassify",
        body("classification", "CONFIRMED", "reason", "出现症状"));
    assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(200);
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode after = dashboard("commander", DISTRICT);
      assertThat(today(after, "localConfirmed") - today(beforeConversion, "localConfirmed")).isEqualTo(1);
      assertThat(today(after, "conversions") - today(beforeConversion, "conversions")).isEqualTo(1);
      assertThat(today(after, "localAsymptomatic") - today(beforeConversion, "localAsymptomatic")).isEqualTo(-1);
      assertThat(after.get("cumulative").get("localAsymptomatic").asLong()
          - beforeConversion.get("cumulative").get("localAsymptomatic").asLong()).isEqualTo(-1);
    });
  }

  @Test
  void theSameEventHandledTwiceCountsOnce() {
    JsonNode before = dashboard("commander", DISTRICT);
    String caseId = UUID.randomUUID().toString();
    CaseReported reported = new CaseReported(caseId, UUID.randomUUID().toString(), COMMUNITY,
        Classification.ASYMPTOMATIC, null, OffsetDateTime.now(), false, DiscoveryRoute.MASS_TESTING, false);
    caseCounts.on(reported);
    caseCounts.on(reported);
    await().atMost(WAIT).untilAsserted(() -> assertThat(today(dashboard("commander", DISTRICT),
        "localAsymptomaticSociety")
        - today(before, "localAsymptomaticSociety")).isEqualTo(1));
    CaseReclassified conversion = new CaseReclassified(caseId, reported.personId(), COMMUNITY,
        Classification.ASYMPTOMATIC, Classification.CONFIRMED, "x", OffsetDateTime.now(), true);
    caseCounts.on(conversion);
    caseCounts.on(conversion);
    String orderId = UUID.randomUUID().toString();
    QuarantineOrderOpened opened = new QuarantineOrderOpened(orderId, reported.personId(), COMMUNITY,
        OrderReason.CLOSE_CONTACT, Regime.HOME_ISOLATION, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
            .plusDays(7), "MANUAL", null);
    managementCounts.on(opened);
    managementCounts.on(opened);
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode after = dashboard("commander", DISTRICT);
      assertThat(today(after, "localAsymptomaticSociety") - today(before, "localAsymptomaticSociety")).isZero();
      assertThat(today(after, "localConfirmedSociety") - today(before, "localConfirmedSociety")).isEqualTo(1);
      assertThat(today(after, "conversions") - today(before, "conversions")).isEqualTo(1);
      assertThat(after.get("managementByRegime").path("HOME_ISOLATION").asLong()
          - before.get("managementByRegime").path("HOME_ISOLATION").asLong()).isEqualTo(1);
    });
    await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
      JsonNode after = dashboard("commander", DISTRICT);
      assertThat(today(after, "conversions") - today(before, "conversions")).isEqualTo(1);
      assertThat(after.get("underManagement").asLong() - before.get("underManagement").asLong()).isEqualTo(1);
    });
    managementCounts.on(new QuarantineOrderEnded(orderId, reported.personId(), OrderState.RELEASED));
    managementCounts.on(new QuarantineOrderEnded(orderId, reported.personId(), OrderState.RELEASED));
    await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> assertThat(
        dashboard("commander", DISTRICT).get("underManagement").asLong()).isEqualTo(before.get("underManagement")
            .asLong()));
  }

  @Test
  void quarantineOrdersCountAsPersonsUnderManagementUntilTheyEnd() {
    JsonNode before = dashboard("commander", null);
    String personId = QuarantineFixtures.person(api, "看板隔离", COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", QuarantineFixtures.today(), null);
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode after = dashboard("commander", null);
      assertThat(after.get("underManagement").asLong() - before.get("underManagement").asLong()).isEqualTo(1);
      assertThat(districtRow(after, DISTRICT, "underManagement") - districtRow(before, DISTRICT, "underManagement"))
          .isEqualTo(1);
    });
    Api.Answer ended = api.as("commander").post("/api/v1/quarantine/orders/" + order.get("id").asString() + "/end",
        Map.of("state", "TRANSFERRED_OUT"));
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    await().atMost(WAIT).untilAsserted(() -> assertThat(dashboard("commander", null).get("underManagement").asLong())
        .isEqualTo(before.get("underManagement").asLong()));
    JsonNode d = dashboard("commander", null);
    assertThat(d.get("capacity").size()).isGreaterThan(1);
    assertThat(d.get("work").has("OPEN_ALERTS")).isTrue();
  }

  @Test
  void aDistrictUserSeesOnlyTheirDistrictAndOthersAreRefused() {
    JsonNode own = dashboard("district", null);
    assertThat(own.get("districts")).hasSize(1);
    assertThat(own.get("districts").get(0).get("code").asString()).isEqualTo(DISTRICT);
    assertThat(own.get("capacity")).allSatisfy(c -> assertThat(c.get("code").asString()).isEqualTo(DISTRICT));
    assertThat(dashboard("district", DISTRICT).get("district").asString()).isEqualTo(DISTRICT);
    assertThat(api.as("district").get("/api/v1/analytics/dashboard?district=990102").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/analytics/rt?jurisdiction=990102&siMean=4&siSd=2").status())
        .isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/analytics/dashboard").status()).isEqualTo(403);
    assertThat(api.as("lab").get("/api/v1/analytics/dashboard").status()).isEqualTo(403);
    JsonNode city = dashboard("commander", null);
    assertThat(city.get("districts").size()).isGreaterThan(1);
    // the district's figures are part of the city's, never more
    assertThat(today(city, "localConfirmed")).isGreaterThanOrEqualTo(today(own, "localConfirmed"));
  }

  @Test
  void rtOnThePlatformsLocalCasesByOnsetDateIsTheEstimateOnThoseCounts() {
    LocalDate to = LocalDate.parse(dashboard("commander", null).get("date").asString()).minusDays(40);
    LocalDate from = to.minusDays(13);
    String path = "/api/v1/analytics/rt?from=" + from + "&to=" + to + "&jurisdiction=" + DISTRICT
        + "&siMean=4.8&siSd=2.3";
    Api.Answer first = api.as("cdc").get(path);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    List<Long> baseline = longs(first.json().get("incidence"));
    assertThat(baseline).hasSize(14);
    // two local cases with onset on day 3, one on day 9, one imported on day 1
    report("CONFIRMED", false, "FEVER_CLINIC", from.plusDays(2).toString());
    report("CONFIRMED", false, "FEVER_CLINIC", from.plusDays(2).toString());
    report("CONFIRMED", false, "UNDER_CONTROL", from.plusDays(8).toString());
    report("CONFIRMED", true, "INBOUND_TESTING", from.toString());
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode rt = api.as("cdc").get(path).json();
      List<Long> incidence = longs(rt.get("incidence"));
      assertThat(incidence.get(2) - baseline.get(2)).isEqualTo(2);
      assertThat(incidence.get(8) - baseline.get(8)).isEqualTo(1);
      assertThat(incidence.get(0) - baseline.get(0)).isEqualTo(1);
      assertThat(longs(rt.get("importedIncidence")).get(0)).isGreaterThanOrEqualTo(1);
    });
    JsonNode rt = api.as("cdc").get(path).json();
    Api.Answer posted = api.as("cdc").post("/api/v1/analytics/rt", Map.of("incidence", longs(rt.get("incidence")),
        "importedIncidence", longs(rt.get("importedIncidence")), "si", Map.of("method", "PARAMETRIC", "mean", 4.8,
            "sd", 2.3)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(200);
    assertThat(rt.get("windows")).isNotEmpty();
    assertThat(rt.get("windows").toString()).isEqualTo(posted.json().get("windows").toString());
    assertThat(rt.get("windows").get(0).get("tStart").asInt()).isEqualTo(2);

    Api.Answer bad = api.as("cdc").get("/api/v1/analytics/rt?from=" + to + "&to=" + from + "&siSd=-1");
    assertThat(bad.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("from", "siMean");
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asLong()));
    return values;
  }
}
