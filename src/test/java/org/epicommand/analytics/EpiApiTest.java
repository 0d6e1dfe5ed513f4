package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.epicommand.cases.CaseFixtures.body;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The epidemic statistics API over real HTTP: curves with their moving average, growth rate from
 * cases reported through the API, serial interval and incubation period from a linked pair, the
 * SEIR projection, and 400 problem+json field errors for bad parameters.
 */
@EpiCommandTest
class EpiApiTest {

  static final String COMMUNITY = CaseFixtures.COMMUNITY;
  static final String DISTRICT = DemoPlaces.DISTRICT;
  static final Duration WAIT = Duration.ofSeconds(15);

  @Autowired
  Api api;

  private JsonNode get(String path) {
    Api.Answer answer = api.as("commander").get(path);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void curvesCarryTheNewCasesAndATrailingSevenDayAverage() {
    JsonNode before = get("/api/v1/analytics/curves?district=" + DISTRICT);
    LocalDate to = LocalDate.parse(before.get("to").asString());
    CaseFixtures.caseOf(api, "曲线病例", COMMUNITY, "CONFIRMED", to.minusDays(3).toString());
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode after = get("/api/v1/analytics/curves?district=" + DISTRICT);
      assertThat(after.get("days")).hasSize(30);
      assertThat(after.get("movingAverageDays").asInt()).isEqualTo(7);
      JsonNode onset = after.get("byOnset");
      assertThat(onset.get("localConfirmed").get(26).asLong()
          - before.get("byOnset").get("localConfirmed").get(26).asLong()).isEqualTo(1);
      assertThat(after.get("byReport").get("total").get(29).asLong()
          - before.get("byReport").get("total").get(29).asLong()).isEqualTo(1);
      // the average of day i is the mean of days i−6 … i, all inside the 30 shown
      for (int i = 6; i < 30; i++) {
        long sum = 0;
        for (int d = i - 6; d <= i; d++) {
          sum += onset.get("total").get(d).asLong();
          assertThat(onset.get("total").get(d).asLong()).isEqualTo(onset.get("localConfirmed").get(d).asLong()
              + onset.get("localAsymptomatic").get(d).asLong() + onset.get("imported").get(d).asLong());
        }
        assertThat(onset.get("movingAverage").get(i).asDouble()).isCloseTo(sum / 7.0, within(1e-9));
      }
    });
  }

  @Test
  void growthRateAndDoublingTimeOfCasesByOnsetInAQuietPastWindow() {
    // a window nobody else uses: 2019-06-01 … 2019-06-06, local cases 1, 1, 2, 3, 5, 8 by onset
    int[] counts = {1, 1, 2, 3, 5, 8};
    LocalDate first = LocalDate.of(2019, 6, 1);
    for (int day = 0; day < counts.length; day++) {
      for (int i = 0; i < counts[day]; i++) {
        CaseFixtures.caseOf(api, "增长病例", COMMUNITY, "CONFIRMED", first.plusDays(day).toString());
      }
    }
    String path = "/api/v1/analytics/growth?basis=ONSET&from=2019-06-01&to=2019-06-06";
    await().atMost(WAIT).untilAsserted(() -> assertThat(get(path).get("area").get("cases").asLong()).isEqualTo(20));
    JsonNode growth = get(path);
    assertThat(growth.get("method").asString()).isEqualTo("POISSON_GLM");
    JsonNode area = growth.get("area");
    assertThat(area.get("estimable").asBoolean()).isTrue();
    double r = area.get("r").asDouble();
    // the Poisson score equation Σ (t − t̄)(y_t − μ_t) = 0 at the fitted r, with μ scaled so that Σ μ = Σ y
    double centre = 2.5;
    double shape = 0;
    for (int t = 0; t < 6; t++) {
      shape += Math.exp(r * (t - centre));
    }
    double score = 0;
    for (int t = 0; t < 6; t++) {
      score += (t - centre) * (counts[t] - 20 * Math.exp(r * (t - centre)) / shape);
    }
    assertThat(score).isCloseTo(0, within(1e-6));
    assertThat(r).isBetween(0.3, 0.7);
    assertThat(area.get("rLower").asDouble()).isLessThan(r);
    assertThat(area.get("doublingTime").asDouble()).isCloseTo(Math.log(2) / r, within(1e-9));
    assertThat(area.get("halving").asBoolean()).isFalse();
    JsonNode district = null;
    for (JsonNode d : growth.get("districts")) {
      if (d.get("code").asString().equals(DISTRICT)) {
        district = d;
      } else {
        assertThat(d.get("cases").asLong()).isZero();
        assertThat(d.get("estimable").asBoolean()).isFalse();
        assertThat(d.get("r").isNull()).isTrue();
      }
    }
    assertThat(district).isNotNull();
    assertThat(district.get("r").asDouble()).isCloseTo(r, within(1e-12));
  }

  @Test
  void aLinkedPairAddsItsSerialIntervalAndIncubationPeriod() {
    JsonNode siBefore = get("/api/v1/analytics/serial-interval");
    JsonNode incubationBefore = get("/api/v1/analytics/incubation-period");
    LocalDate onset = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(10);
    String infector = CaseFixtures.caseOf(api, "传染源", COMMUNITY, "CONFIRMED", onset.toString());
    String infecteePerson = CaseFixtures.person(api, "被感染者", COMMUNITY);
    Api.Answer contact = api.as("cdc").post("/api/v1/cases/" + infector + "/contacts", body("personId", infecteePerson,
        "category", "CLOSE", "contactType", "HOUSEHOLD", "lastExposureDate", onset.plusDays(1).toString()));
    assertThat(contact.status()).as(contact.body()).isEqualTo(201);
    Api.Answer infectee = api.as("cdc").post("/api/v1/cases", body("personId", infecteePerson, "classification",
        "CONFIRMED", "onsetDate", onset.plusDays(4).toString(), "discoveryRoute", "UNDER_CONTROL"));
    assertThat(infectee.status()).as(infectee.body()).isEqualTo(201);
    Api.Answer link = api.as("cdc").post("/api/v1/transmissions", body("infectorCaseId", infector, "infecteeCaseId",
        infectee.json().get("id").asString(), "setting", "HOUSEHOLD"));
    assertThat(link.status()).as(link.body()).isEqualTo(201);

    JsonNode si = get("/api/v1/analytics/serial-interval");
    checkOneMore(siBefore, si, 4);
    JsonNode incubation = get("/api/v1/analytics/incubation-period");
    checkOneMore(incubationBefore, incubation, 3);
    assertThat(si.get("kind").asString()).isEqualTo("SERIAL_INTERVAL");
    assertThat(incubation.get("kind").asString()).isEqualTo("INCUBATION_PERIOD");
  }

  /** One more pair with {@code days}: n + 1 and the mean moves as (n·mean + days) / (n + 1); the histogram adds up. */
  private static void checkOneMore(JsonNode before, JsonNode after, int days) {
    int n = before.get("n").asInt();
    double mean = n == 0 ? 0 : before.get("mean").asDouble();
    assertThat(after.get("n").asInt()).isEqualTo(n + 1);
    assertThat(after.get("mean").asDouble()).isCloseTo((n * mean + days) / (n + 1), within(1e-9));
    long total = 0;
    for (JsonNode bucket : after.get("histogram")) {
      total += bucket.asLong();
    }
    assertThat(total).isEqualTo(n + 1);
    int start = after.get("histogramStart").asInt();
    assertThat(after.get("histogram").get(days - start).asLong()).isPositive();
  }

  @Test
  void theProjectionKeepsThePopulationAndSizesRoomsAndBedsFromTheCases() {
    JsonNode p = get("/api/v1/analytics/projection?population=1000000&r=2.5&latentDays=3&infectiousDays=5"
        + "&initialExposed=10&initialInfectious=10&days=100&contactsPerCase=5&quarantineDays=7&hospitalShare=0.1"
        + "&stayDays=10&interventionDay=25&interventionR=0.8");
    JsonNode used = p.get("parameters");
    assertThat(used.get("population").asDouble()).isEqualTo(1_000_000);
    assertThat(used.get("populationSource").asString()).isEqualTo("GIVEN");
    assertThat(used.get("rSource").asString()).isEqualTo("GIVEN");
    assertThat(used.get("beta").asDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(used.get("quarantineDaysSource").asString()).isEqualTo("GIVEN");
    assertThat(p.get("dates")).hasSize(100);
    assertThat(p.get("dates").get(0).asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
        .plusDays(1).toString());
    List<Double> cases = new ArrayList<>();
    p.get("newCases").forEach(v -> cases.add(v.asDouble()));
    for (int d = 0; d < 100; d++) {
      double total = p.get("susceptible").get(d).asDouble() + p.get("exposed").get(d).asDouble()
          + p.get("infectious").get(d).asDouble() + p.get("removed").get(d).asDouble();
      assertThat(total).isCloseTo(1_000_000, within(1e-6));
      if (d >= 9) {
        double week = cases.subList(d - 6, d + 1).stream().mapToDouble(Double::doubleValue).sum();
        double tenDays = cases.subList(d - 9, d + 1).stream().mapToDouble(Double::doubleValue).sum();
        assertThat(p.get("quarantineRooms").get(d).asDouble()).isCloseTo(5 * week, within(1e-6));
        assertThat(p.get("hospitalBeds").get(d).asDouble()).isCloseTo(0.1 * tenDays, within(1e-6));
      }
    }
    // growth before the intervention (day 25, still far from herd immunity), decline soon after it
    int peak = p.get("peakDay").asInt();
    assertThat(peak).isBetween(24, 30);
    assertThat(p.get("susceptible").get(peak).asDouble()).isGreaterThan(900_000);
    assertThat(cases.get(99)).isLessThan(cases.get(peak - 1));
    // the linearised growth rate solves (r + σ)(r + γ) = σβ (S ≈ N at the start)
    double r = p.get("growthRate").asDouble();
    double beta = 0.5 * (1_000_000 - 20) / 1_000_000;
    assertThat((r + 1 / 3.0) * (r + 1 / 5.0)).isCloseTo(beta / 3.0, within(1e-9));
    assertThat(p.get("doublingTime").asDouble()).isCloseTo(Math.log(2) / r, within(1e-9));
  }

  @Test
  void withoutAPopulationTheRegistryCountsAndQuarantineDaysComeFromTheRuleSet() {
    JsonNode p = get("/api/v1/analytics/projection?r=1.2&days=30&district=" + DISTRICT);
    JsonNode used = p.get("parameters");
    assertThat(used.get("populationSource").asString()).isEqualTo("REGISTRY");
    assertThat(used.get("population").asDouble()).isGreaterThan(100);
    assertThat(used.get("quarantineDaysSource").asString()).isEqualTo("RULE_SET");
    assertThat(used.get("ruleSet").asString()).isNotBlank();
    assertThat(used.get("initialSource").asString()).isEqualTo("RECENT_CASES");
    assertThat(used.get("initialInfectious").asDouble())
        .isCloseTo(used.get("recentDailyCases").asDouble() * used.get("infectiousDays").asDouble(), within(1e-9));
    assertThat(p.get("district").asString()).isEqualTo(DISTRICT);
  }

  @Test
  void withRtTheProjectionTakesTheLatestWindowOfThePlatformEstimate() {
    // the demo outbreak gives the city cases by onset within the last 30 days
    JsonNode rt = get("/api/v1/analytics/rt?siMean=3&siSd=1.5");
    JsonNode windows = rt.get("windows");
    assertThat(windows.size()).isPositive();
    double latest = windows.get(windows.size() - 1).get("mean").asDouble();
    JsonNode p = get("/api/v1/analytics/projection?useRt=true&siMean=3&siSd=1.5&population=1000000"
        + "&initialExposed=0&initialInfectious=40&infectiousDays=4&days=20");
    JsonNode used = p.get("parameters");
    assertThat(used.get("rSource").asString()).isEqualTo("RT");
    assertThat(used.get("r").asDouble()).isCloseTo(latest, within(1e-12));
    // Rt is the effective number now: β = Rt · γ · N / S
    assertThat(used.get("beta").asDouble()).isCloseTo(latest / 4 * 1_000_000 / (1_000_000 - 40), within(1e-12));
    assertThat(used.get("initialSource").asString()).isEqualTo("GIVEN");
  }

  @Test
  void badParametersAreFieldErrors() {
    assertFields("/api/v1/analytics/growth?from=2026-01-10&to=2026-01-01", "from");
    assertFields("/api/v1/analytics/growth?basis=WEEKLY", "basis");
    assertFields("/api/v1/analytics/curves?from=2020-01-01&to=2026-01-01", "from");
    assertFields("/api/v1/analytics/projection?r=-1&latentDays=0&days=1000&hospitalShare=2", "r", "latentDays", "days",
        "hospitalShare");
    assertFields("/api/v1/analytics/projection", "r");
    assertFields("/api/v1/analytics/projection?r=2&interventionDay=5", "interventionR");
    assertFields("/api/v1/analytics/projection?r=2&population=10&initialInfectious=50", "population");
    assertFields("/api/v1/analytics/projection?r=abc", "r");
    assertThat(api.as("commander").get("/analytics/projection?r=abc", "text/html").status()).as("the page too")
        .isEqualTo(400);
    Api.Answer english = api.as("commander").header("Accept-Language", "en").get("/api/v1/analytics/projection?r=99");
    assertThat(english.json().get("errors").get(0).get("message").asString()).isEqualTo("must be between 0 and 20");
    assertThat(api.as("commander").get("/api/v1/analytics/curves?district=990199").status()).isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/analytics/projection?r=2").status()).isEqualTo(403);
  }

  private void assertFields(String path, String... fields) {
    Api.Answer answer = api.as("commander").get(path);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    List<String> named = new ArrayList<>();
    answer.json().get("errors").forEach(e -> named.add(e.get("field").asString()));
    assertThat(named).containsExactlyInAnyOrder(fields);
  }
}
