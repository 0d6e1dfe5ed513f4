package org.epicommand.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.support.DemoPlaces;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Community rolling screening, over HTTP: a round over the whole city launched and started by the commander
 * (the registry's households become its target), the grid worker's list of households still to visit read page by
 * page (p95 under 100 ms), 200 of them visited one by one (or as many as the worker's community holds), and the
 * coverage of every community (p95 under 2 s).
 */
final class ScreeningBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScreeningBenchmark() {}

  static void run(ConfigurableApplicationContext context, Benchmarks.Results results) throws Exception {
    BenchHttp http = new BenchHttp(context);
    OffsetDateTime now = OffsetDateTime.now().withNano(0);
    String round = JSON.readTree(http.post("commander", "/api/v1/screening/rounds", JSON.writeValueAsString(
        java.util.Map.of("name", "基准滚动排查", "scopeCodes", List.of(DemoPlaces.CITY), "startsAt", now.minusHours(1)
            .toString(),
            "endsAt", now.plusDays(7).toString())))).path("id").asString();
    long t = System.nanoTime();
    long households = JSON.readTree(http.post("commander", "/api/v1/screening/rounds/" + round + "/start", ""))
        .path("households").asLong();
    results.figure("screening.roundStart", "s", (System.nanoTime() - t) / 1e9, households + " households targeted",
        null, null);
    Benchmarks.settle(context);

    String list = "/api/v1/screening/rounds/" + round + "/households?open=true&size=50&page=";
    List<String> toVisit = new ArrayList<>();
    int pages = 0;
    JsonNode page;
    do {
      page = JSON.readTree(http.get("community", list + pages++));
      page.path("items").forEach(h -> toVisit.add(h.path("householdId").asString()));
    } while (page.path("hasMore").asBoolean() && pages < 20);
    int read = pages;
    http.latency(results, "screening.workerList", "community", 5, 60, i -> list + i % read, 100);

    List<Double> millis = new ArrayList<>();
    for (String household : toVisit.subList(0, Math.min(200, toVisit.size()))) {
      long v = System.nanoTime();
      http.post("community", "/api/v1/screening/households/" + household + "/visits", JSON.writeValueAsString(
          java.util.Map.of("roundId", round, "method", "DOOR", "outcome", "ALL_SEEN", "seen", List.of())));
      millis.add((System.nanoTime() - v) / 1e6);
    }
    millis.sort(Double::compare);
    if (!millis.isEmpty()) {
      results.figure("screening.visit.p95", "ms", millis.get((int) Math.ceil(0.95 * millis.size()) - 1),
          millis.size() + " visits recorded", null, null);
    }
    http.latency(results, "screening.coverageAllCommunities", "commander", 2, 10,
        i -> "/api/v1/screening/rounds/" + round + "/coverage?level=VILLAGE", 2000);
  }
}
