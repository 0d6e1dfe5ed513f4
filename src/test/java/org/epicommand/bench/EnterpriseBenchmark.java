package org.epicommand.bench;

import java.io.BufferedWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.internal.ImportJobs;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

/**
 * Reopening: 100,000 organisations (a hundredth on small runs, see {@link CapabilityBench}) registered through the
 * {@code organisations} import, spread over the communities of every district, then 3,000,000 staff rows (30 per
 * organisation; residents of the registry, each on up to three ledgers) through the {@code staff-roster} import —
 * each district's staff importing their district's file, as 属地 do — against a bare COPY of the same files (target
 * ≥ 20,000 rows/s); then the reopening board (复工复产看板) over HTTP as the commander, the JSON API beside
 * {@code /api/v1/me} and the page beside a static file (p95 < 300 ms).
 */
final class EnterpriseBenchmark {

  static final int STAFF_PER_ORGANISATION = 30;
  private static final String[] KINDS = {"ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "RESTAURANT",
      "MARKET", "LOGISTICS", "CONSTRUCTION_SITE", "HOTEL", "INSTITUTION", "SCHOOL", "SCENIC_SPOT"};

  private EnterpriseBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    DataSource dataSource = BenchDatabase.owner(context);
    ImportJobs imports = context.getBean(ImportJobs.class);
    ImportPrincipals principals = context.getBean(ImportPrincipals.class);
    int organisations = CapabilityBench.volume(100_000, persons);
    Map<String, List<String>> byDistrict = CapabilityBench.communitiesByDistrict(jdbc);
    List<String> districts = new ArrayList<>(byDistrict.keySet());
    Path directory = Files.createDirectories(Path.of("target", "bench"));

    // the directory, district after district (organisation o lies in district o × districts / organisations)
    Path directoryFile = directory.resolve("organisations.csv");
    try (BufferedWriter out = Files.newBufferedWriter(directoryFile, StandardCharsets.UTF_8)) {
      out.write("creditCode,name,kind,jurisdictionCode,address,legalRepresentative,contactName,contactPhone,"
          + "headcount,schoolLevel,cohorts,maxCapacity\n");
      for (int o = 0; o < organisations; o++) {
        List<String> communities = byDistrict.get(districts.get(district(o, organisations, districts.size())));
        String kind = KINDS[o % KINDS.length];
        out.write(CapabilityBench.creditCode('E', o) + ",基准单位" + o + "," + kind + ","
            + communities.get(o % communities.size()) + ",滨江市基准路" + o + "号,法人" + o % 1000 + ",联络员" + o % 1000
            + "," + String.format("139%08d", o) + "," + (STAFF_PER_ORGANISATION + o % 21) + ","
            + (kind.equals("SCHOOL") ? "SENIOR_HIGH,高一;高二;高三" : ",") + ","
            + (kind.equals("SCENIC_SPOT") ? 5000 + o % 10_000 : "") + "\n");
      }
    }
    Authentication commander = principals.authenticationOf("commander").orElseThrow();
    double directoryBare = LabtestBenchmark.bareCopy(dataSource, directoryFile, "code text, name text, kind text,"
        + " jurisdiction text, address text, legal text, contact text, phone text, headcount text, level text,"
        + " cohorts text, capacity text");
    double directorySeconds = LabtestBenchmark.importFile(imports, commander, "organisations", directoryFile);
    results.figure("enterprise.organisationsImport", "rows/s", organisations / directorySeconds,
        organisations + " organisations, vs bare COPY", organisations / directoryBare, null);
    // the module's own organisation table is fed by the directory's events
    Benchmarks.settle(context);

    // the ledgers: one file per district, organisation by organisation, the staff taken from the registry in turn
    long staff = (long) organisations * STAFF_PER_ORGANISATION;
    List<Path> files = rosterFiles(dataSource, directory, organisations, districts);
    double bare = 0;
    for (Path file : files) {
      bare += LabtestBenchmark.bareCopy(dataSource, file, "code text, id_type text, id_number text, name text,"
          + " phone text, post text, returned_from text, returned_on text");
    }
    UserAdministration users = context.getBean(UserAdministration.class);
    double seconds = 0;
    for (int d = 0; d < districts.size(); d++) {
      String username = "bench-staff-" + districts.get(d);
      if (users.findByUsername(username).isEmpty()) {
        users.createDemoAccount(username, "基准属地" + d, CapabilityBench.PASSWORD, Role.DISTRICT_STAFF,
            districts.get(d));
      }
      seconds += LabtestBenchmark.importFile(imports, principals.authenticationOf(username).orElseThrow(),
          "staff-roster", files.get(d));
    }
    Long ledger = jdbc.sql("select count(*) from enterprise_staff where source_import_id is not null")
        .query(Long.class).single();
    if (ledger != staff) {
      throw new IllegalStateException("staff ledger holds " + ledger + " rows, expected " + staff);
    }
    results.figure("enterprise.staffRosterImport", "rows/s", staff / seconds, ">= 20000 (" + staff + " rows, "
        + districts.size() + " district files)", staff / bare, null);
    results.figure("enterprise.staffRosterImport.seconds", "s", seconds, null, null, null);

    String base = CapabilityBench.base(context);
    HttpClient client = HttpClient.newHttpClient();
    String auth = CapabilityBench.basic("commander");
    CapabilityBench.latency(results, "enterprise.boardApi", client, base + "/api/v1/resumption/board",
        base + "/api/v1/me", auth, "\"organisations\":" + (organisations + demoOrganisations(jdbc)), 300);
    CapabilityBench.latency(results, "enterprise.boardPage", client, base + "/enterprise/board", base + "/js/app.js",
        auth, null, 300);
  }

  /** The district of organisation {@code o} of {@code n}: contiguous blocks, so each district's file is one run. */
  private static int district(int o, int n, int districts) {
    return (int) ((long) o * districts / n);
  }

  /** The organisations of the city besides the benchmark's (the demo city's), counted on the board too. */
  private static long demoOrganisations(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from enterprise_org where active and credit_code not like '91990100E%'")
        .query(Long.class).single();
  }

  /**
   * Writes the districts' staff-roster files: organisation o's staff are residents o × 30 … o × 30 + 29 of the
   * registry in id order (wrapping round when the ledgers hold more rows than the city has residents).
   */
  private static List<Path> rosterFiles(DataSource dataSource, Path directory, int organisations,
      List<String> districts) throws Exception {
    List<Path> files = new ArrayList<>();
    List<BufferedWriter> writers = new ArrayList<>();
    try {
      for (String d : districts) {
        Path file = directory.resolve("staff-roster-" + d + ".csv");
        files.add(file);
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write("creditCode,idType,idNumber,name,phone,post,returnedFrom,returnedOn\n");
        writers.add(out);
      }
      long rows = (long) organisations * STAFF_PER_ORGANISATION;
      long written = 0;
      String returnedOn = java.time.LocalDate.now().minusDays(3).toString();
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        while (written < rows) {
          try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery("select id_type, id_number, name, phone from person"
                + " where id_type = 'RESIDENT_ID' order by id")) {
              boolean any = false;
              while (written < rows && rs.next()) {
                any = true;
                int o = (int) (written / STAFF_PER_ORGANISATION);
                String phone = rs.getString(4) == null ? "" : rs.getString(4);
                writers.get(district(o, organisations, districts.size())).write(CapabilityBench.creditCode('E', o)
                    + "," + rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3) + "," + phone
                    + ",岗位" + written % 7 + ",滨江市," + returnedOn + "\n");
                written++;
              }
              if (!any) {
                throw new IllegalStateException("no residents with a resident ID in the registry");
              }
            }
          }
        }
        connection.commit();
      }
    } finally {
      for (BufferedWriter w : writers) {
        w.close();
      }
    }
    return files;
  }
}
