package org.epicommand.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.ImportStatus;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.labtest.Campaign;
import org.epicommand.labtest.CampaignBoard;
import org.epicommand.labtest.Campaigns;
import org.epicommand.labtest.CoverageRow;
import org.epicommand.labtest.NewCampaign;
import org.epicommand.labtest.Tubes;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.support.DemoPlaces;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Testing: a city-wide campaign over the loaded population — every resident in a pool of 10 ({@code tubes} import,
 * one row per member) and a result per pool ({@code results} import), each through the product's own import path
 * against a bare COPY of the same file into an index-free table in the same run (target 0.5), and against the least
 * any such import must do, done bare (COPY and one set-based statement: the members found in the registry, the
 * results put on their tubes); then 1,000 positive pools (or a tenth of the pools on small runs) and the time until
 * the whole retest list is readable (ceiling 1 s); then the coverage of every community (ceiling 2 s).
 */
final class LabtestBenchmark {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private LabtestBenchmark() {}

  static void run(ConfigurableApplicationContext context, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    DataSource dataSource = BenchDatabase.owner(context);
    // as the superuser: the timings of the application's statements are hidden from other roles
    StatementTimings.init(BenchDatabase.superuserJdbc(context));
    ImportJobs imports = context.getBean(ImportJobs.class);
    ImportPrincipals principals = context.getBean(ImportPrincipals.class);
    Authentication lab = principals.authenticationOf("lab").orElseThrow();
    Authentication commander = principals.authenticationOf("commander").orElseThrow();
    String site = jdbc.sql("select code from labtest_site order by code limit 1").query(String.class).single();
    OffsetDateTime collected = OffsetDateTime.now().minusHours(2).withNano(0);
    OffsetDateTime reported = collected.plusHours(1);

    SecurityContextHolder.getContext().setAuthentication(commander);
    Campaign campaign;
    try {
      long t = System.nanoTime();
      campaign = context.getBean(Campaigns.class).create(new NewCampaign("bench", List.of(DemoPlaces.CITY),
          collected.minusDays(1), collected.plusDays(2)));
      results.figure("labtest.campaignStart", "s", seconds(t), null, null, null);
    } finally {
      SecurityContextHolder.clearContext();
    }

    Path directory = Files.createDirectories(Path.of("target", "bench"));
    Path tubes = directory.resolve("tubes.csv");
    Path negatives = directory.resolve("results.csv");
    Path positives = directory.resolve("positives.csv");
    long members = 0;
    long pools = 0;
    try (BufferedWriter out = Files.newBufferedWriter(tubes, StandardCharsets.UTF_8)) {
      out.write("tubeBarcode,kind,memberIdType,memberIdNumber,siteCode,collectedAt\n");
      String at = collected.format(ISO);
      long[] counter = {0};
      // streamed with a cursor: ten million documents do not fit the heap
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
          statement.setFetchSize(10_000);
          try (java.sql.ResultSet rs = statement.executeQuery(
              "select id_type, id_number from person order by jurisdiction_path, id")) {
            while (rs.next()) {
              String barcode = String.format("BT%09d", counter[0] / 10);
              out.write(barcode + ",POOL_10," + rs.getString(1) + "," + rs.getString(2) + "," + site + "," + at + "\n");
              counter[0]++;
            }
          }
        }
        connection.commit();
      }
      members = counter[0];
      pools = (members + 9) / 10;
    }
    long positive = Math.min(1000, Math.max(1, pools / 10));
    try (BufferedWriter neg = Files.newBufferedWriter(negatives, StandardCharsets.UTF_8);
         BufferedWriter pos = Files.newBufferedWriter(positives, StandardCharsets.UTF_8)) {
      neg.write("tubeBarcode,result,ctOrf1ab,ctN,labCode,reportedAt\n");
      pos.write("tubeBarcode,result,ctOrf1ab,ctN,labCode,reportedAt\n");
      String at = reported.format(ISO);
      long step = Math.max(1, pools / positive);
      for (long i = 0; i < pools; i++) {
        String barcode = String.format("BT%09d", i);
        if (i % step == 0 && i / step < positive) {
          pos.write(barcode + ",,28.5,30.2,LAB01," + at + "\n");
        } else {
          neg.write(barcode + ",NEGATIVE,,,LAB01," + at + "\n");
        }
      }
    }

    double tubeBare = bareCopy(dataSource, tubes, "barcode text, kind text, id_type text, id_number text,"
        + " site text, collected_at text");
    double tubeProduct = importFile(imports, lab, "tubes", tubes);
    // the target (0.5 of a bare COPY) is not met (0.05 at 10 M, see docs/performance.md); the floor guards the gain
    // made
    results.figure("labtest.tubesImport", "rows/s", members / tubeProduct, ">= 0.5 x COPY", members / tubeBare, 0.02);
    tubeStatements(results);
    // the least any tubes import must do, bare: land the rows and find each member in the registry
    double tubeResolve = bareWork(dataSource, tubes, "barcode text, kind text, id_type text, id_number text,"
        + " site text, collected_at text", """
        create temp table bench_resolved as select b.barcode, p.id, p.jurisdiction_path
        from %s b join person p on p.id_type = b.id_type and p.id_number = b.id_number collate "C"
        """);
    results.figure("labtest.tubesImport.vsCopyAndResolve", "rows/s", members / tubeProduct,
        "COPY + registry join, bare", members / tubeResolve, null);
    long resultRows = pools - positive;
    double resultBare = bareCopy(dataSource, negatives, "barcode text, result text, ct_orf1ab text, ct_n text,"
        + " lab text, reported_at text");
    double resultProduct = importFile(imports, lab, "results", negatives);
    results.figure("labtest.resultsImport", "rows/s", resultRows / resultProduct, ">= 0.5 x COPY",
        resultRows / resultBare, 0.02);
    // the least any results import must do, bare: land the rows and put each result on its tube
    double resultUpdate = bareWork(dataSource, negatives, "barcode text, result text, ct_orf1ab text, ct_n text,"
        + " lab text, reported_at text", """
        update labtest_tube t set result = b.result, state = 'RESULTED', reported_at = b.reported_at::timestamptz
        from %s b where t.barcode = b.barcode
        """);
    results.figure("labtest.resultsImport.vsCopyAndUpdate", "rows/s", resultRows / resultProduct,
        "COPY + tube update, bare", resultRows / resultUpdate, null);

    // positive pools: the retest list rows are written in the transaction that stores the results, so
    // the list is ready when the upload's import commits; then every page is read back to prove it
    double ready = importFile(imports, lab, "results", positives);
    results.figure("labtest.retestListReady", "s", ready, "< 1 (" + positive + " pools, upload to commit)",
        null, null);
    results.ceiling("labtest.retestListReady", ready, 1.0);
    SecurityContextHolder.getContext().setAuthentication(commander);
    try {
      Tubes tubeQueries = context.getBean(Tubes.class);
      long listed = 0;
      PageResult<?> page;
      int n = 0;
      long t = System.nanoTime();
      do {
        page = tubeQueries.retests(null, Paging.of(n++, 500));
        listed += page.items().size();
      } while (page.hasMore());
      if (listed != positive * 10) {
        throw new IllegalStateException("retest list has " + listed + " persons, expected " + positive * 10);
      }
      results.figure("labtest.retestListReadAll", "s", seconds(t), n + " pages of 500, " + listed + " persons",
          null, null);

      Campaigns campaigns = context.getBean(Campaigns.class);
      campaigns.coverage(campaign.id(), "VILLAGE");
      t = System.nanoTime();
      List<CoverageRow> coverage = campaigns.coverage(campaign.id(), "VILLAGE");
      double seconds = seconds(t);
      long tested = coverage.stream().mapToLong(CoverageRow::tested).sum();
      results.figure("labtest.coverageAllCommunities", "s", seconds,
          "< 2 (" + coverage.size() + " communities, " + tested + " tested)", null, null);
      results.ceiling("labtest.coverageAllCommunities", seconds, 2.0);

      // the campaign board: hourly progress, site load, lab turnaround, pool size, over the whole city
      CampaignBoard board = context.getBean(CampaignBoard.class);
      t = System.nanoTime();
      long sampled = board.progress(campaign.id(), null).stream().mapToLong(CampaignBoard.Hour::persons).sum();
      int sites = board.sites(campaign.id(), null).size();
      int labs = board.turnaround(campaign.id(), null).size();
      board.poolSize(campaign.id(), "LOW");
      double boardSeconds = seconds(t);
      results.figure("labtest.campaignBoard", "s", boardSeconds, "4 figures over " + sampled + " persons sampled, "
          + sites + " sites, " + labs + " labs", null, null);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** Where the tubes import spent its time, statement by statement (seconds of the database's own timings). */
  private static void tubeStatements(Benchmarks.Results results) {
    String[][] statements = {
        {"documentCopy", "copy person_document_staged%", "the file's documents COPYed to the stage"},
        {"registryJoin", "%create temp table person_document_found%", "one join of the documents to the registry"},
        {"lineIndex", "%on person_document_found (line)%", "the persons found indexed by line"},
        {"personsByLine", "%from person_document_found where line%", "each batch's persons read by line"},
        {"tubeCopy", "copy labtest_tube (%", "the new tubes COPYed"},
        {"memberCopy", "copy labtest_tube_member%", "the members COPYed"},
        {"testedInsert", "%labtest_campaign_tested%", "the campaign's tested persons inserted"},
        {"latestUpsert", "%labtest_person_latest%", "the latest test per person"},
        {"boardUpsert", "%labtest_board_hour%", "the board's hourly rollup"}};
    for (String[] statement : statements) {
      Double seconds = StatementTimings.seconds(statement[1]);
      if (seconds != null) {
        results.figure("labtest.tubesImport.statements." + statement[0], "s", seconds, statement[2], null, null);
      }
    }
  }

  /** Runs an import through the product's machinery and returns its seconds; fails on rejected rows. */
  static double importFile(ImportJobs imports, Authentication user, String kind, Path file) throws Exception {
    StatementTimings.reset();
    long t = System.nanoTime();
    ImportJobs.Submitted submitted;
    try (InputStream in = Files.newInputStream(file)) {
      submitted = imports.submit(kind, file.getFileName().toString(), in, "UTF-8", user, Locale.ENGLISH);
    }
    submitted.running().get();
    double elapsed = seconds(t);
    StatementTimings.print(kind + " import, " + file.getFileName());
    ImportStatus status = imports.status(submitted.id(), user.getName()).orElseThrow();
    if (!"DONE".equals(status.status()) || status.rowsRejected() != 0) {
      throw new IllegalStateException(kind + " import: " + status);
    }
    return elapsed;
  }

  /** The same file COPY'd into a table with no index and no constraint: the floor. */
  static double bareCopy(DataSource dataSource, Path file, String columns) throws Exception {
    String table = "bench_bare_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("create table " + table + " (" + columns + ")");
      long t = System.nanoTime();
      try (InputStream in = Files.newInputStream(file)) {
        connection.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("copy " + table + " from stdin with (format csv, header true)", in);
      }
      double elapsed = seconds(t);
      connection.createStatement().execute("drop table " + table);
      return elapsed;
    }
  }

  /**
   * The same file COPY'd into an index-free table and {@code work} (a statement over it, {@code %s} the
   * table) run after it, in one transaction rolled back: seconds of both.
   */
  private static double bareWork(DataSource dataSource, Path file, String columns, String work) throws Exception {
    String table = "bench_bare_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        connection.createStatement().execute("create table " + table + " (" + columns + ")");
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
          connection.unwrap(PGConnection.class).getCopyAPI()
              .copyIn("copy " + table + " from stdin with (format csv, header true)", in);
        }
        connection.createStatement().execute(work.formatted(table));
        return seconds(t);
      } finally {
        connection.rollback();
      }
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
