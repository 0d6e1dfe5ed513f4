package org.epicommand.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.internal.ImportJobs;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vaccination: the city's vaccination history — about three doses per resident aged three and over
 * (30 M doses at 10 M residents: two primary doses and a booster of the same product at the district
 * clinic; one old resident in ten without a booster, and one in ten of 80 and over without any dose) —
 * through the product's {@code doses} import against a bare COPY of the same file into an index-free
 * table in the same run (target 40,000 rows/s); then over HTTP the residents counted again, the coverage
 * of every community by age band (all bands, then the 80+ band alone: each p95 under 2 s), the grid
 * worker's door-to-door list generated and read page by page (p95 under 100 ms).
 */
final class VaccinationBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private VaccinationBenchmark() {}

  static void run(ConfigurableApplicationContext context, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    DataSource dataSource = BenchDatabase.owner(context);
    StatementTimings.init(BenchDatabase.superuserJdbc(context));
    Path doses = Files.createDirectories(Path.of("target", "bench")).resolve("doses.csv");
    long t = System.nanoTime();
    // person by person, their doses in order; the first dose 14 months ago, when every resident of the file was 3
    try (Connection connection = dataSource.getConnection(); OutputStream out = Files.newOutputStream(doses)) {
      connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
          copy (select p.id_type as "idType", p.id_number as "idNumber", n as "doseNumber", 'BIBP' as "productCode",
                  'B2022' || lpad((abs(hashtext(p.id::text)) % 10000)::text, 4, '0') as "batch",
                  (current_date - 425 + case n when 1 then 0 when 2 then 28 else 228 end)::text as "date",
                  'V990101' as "siteCode"
                from (select id, id_type, id_number, birth_date, jurisdiction_path from person
                      where birth_date <= current_date - 425 - interval '3 years'
                      order by jurisdiction_path, id) p,
                lateral generate_series(1, case
                  when abs(hashtext(p.id::text)) % 10 <> 0 then 3
                  when extract(year from current_date) - extract(year from p.birth_date) >= 80 then 0
                  when extract(year from current_date) - extract(year from p.birth_date) >= 60 then 2
                  else 3 end) n)
          to stdout with (format csv, header true)""", out);
    }
    long rows = lines(doses) - 1;
    results.figure("vaccination.dosesFile", "s", seconds(t), rows + " doses", null, null);

    double bare = LabtestBenchmark.bareCopy(dataSource, doses, "id_type text, id_number text, dose_number text,"
        + " product text, batch text, day text, site text");
    ImportPrincipals principals = context.getBean(ImportPrincipals.class);
    double product = LabtestBenchmark.importFile(context.getBean(ImportJobs.class),
        principals.authenticationOf("cdc").orElseThrow(), "doses", doses);
    long stored = jdbc.sql("select count(*) from vaccination_dose").query(Long.class).single();
    if (stored < rows) {
      throw new IllegalStateException("doses import stored " + stored + " of " + rows);
    }
    results.figure("vaccination.dosesImport", "rows/s", rows / product, ">= 40000 (" + rows + " doses)", rows / bare,
        0.03);
    Benchmarks.settle(context);

    BenchHttp http = new BenchHttp(context);
    t = System.nanoTime();
    long residents = JSON.readTree(http.post("commander", "/api/v1/vaccination/coverage/residents", ""))
        .path("residents").asLong();
    results.figure("vaccination.residentsCount", "s", seconds(t), residents + " residents counted", null, null);
    JsonNode coverage = JSON.readTree(http.get("commander", "/api/v1/vaccination/coverage?level=VILLAGE"));
    long communities = coverage.path("rows").valueStream().map(r -> r.path("jurisdictionCode").asString()).distinct()
        .count();
    results.figure("vaccination.coverageCommunities", "communities", communities, null, null, null);
    http.latency(results, "vaccination.coverageAllCommunities", "commander", 2, 10,
        i -> "/api/v1/vaccination/coverage?level=VILLAGE", 2000);
    http.latency(results, "vaccination.coverageAllCommunities80Plus", "commander", 2, 10,
        i -> "/api/v1/vaccination/coverage?level=VILLAGE&ageBand=AGE_80_PLUS", 2000);

    t = System.nanoTime();
    int added = JSON.readTree(http.post("community", "/api/v1/vaccination/targets/generate", "")).path("added")
        .asInt();
    results.figure("vaccination.targetsGenerate", "s", seconds(t), added + " persons put on the grid worker's list",
        null, null);
    // the pages of the open list (at most 20 of 50 are read over and over)
    int pages = 0;
    long open = 0;
    JsonNode page;
    do {
      page = JSON.readTree(http.get("community", "/api/v1/vaccination/targets/mine?size=50&page=" + pages++));
      open += page.path("items").size();
    } while (page.path("hasMore").asBoolean() && pages < 20);
    int read = pages;
    results.figure("vaccination.workerListOpen", "persons", open, null, null, null);
    http.latency(results, "vaccination.workerList", "community", 5, 60,
        i -> "/api/v1/vaccination/targets/mine?size=50&page=" + i % read, 100);
  }

  private static long lines(Path file) throws java.io.IOException {
    try (var stream = Files.lines(file)) {
      return stream.count();
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
