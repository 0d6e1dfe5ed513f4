package org.epicommand.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.ImportStatus;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.support.DemoPlaces;
import org.epicommand.tracing.Copresence;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Venue scans and co-presence. The scans ({@code -Dbench.scans}, default 10 per person: 100 M for the
 * the figure of docs/performance.md with 10 M persons) are written as CSV files of {@link #FILE_ROWS} rows, every
 * person
 * of the registry scanned in turn at {@code persons / 200} venues (at least 2,000) over 7 days, and
 * imported through the product's machinery ({@code venue-scans} jobs, two at a time as the import
 * executor runs them: spool, CSV reading, checks, look-ups, day partitions, insert). Figure: rows/s
 * from the first upload to the last job's end, against a bare COPY of the same files into a table
 * without keys (floor 5 %: the product parses in Java, looks up a person and a venue per row and
 * keeps the co-presence key, which also makes a re-import add nothing); the table's size per row.
 * Then co-presence for 100 cases × 5 venue visits (target &lt; 2 s in total: the searches, which
 * propose the candidates), and each of the 100 candidate lists read with the names (p95 &lt; 100 ms,
 * like every list).
 */
final class TracingBenchmark {

  static final int CASES = 100;
  static final int VISITS = 5;
  static final Instant START = Instant.parse("2022-11-01T00:00:00Z");

  private TracingBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    long scans = Long.getLong("bench.scans", persons * 10L);
    int venueCount = Math.max(2_000, persons / 200);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Jurisdiction city = context.getBean(Jurisdictions.class).find(DemoPlaces.CITY).orElseThrow();
    jdbc.sql("""
        insert into venue (id, code, name, venue_type, jurisdiction_code, jurisdiction_path, created_at)
        select gen_random_uuid(), 'BV' || i, '基准场所' || i, 'SHOP', :code, :path, now()
        from generate_series(1, :n) i on conflict (code) do nothing
        """).param("code", city.code()).param("path", city.path()).param("n", venueCount).update();

    long t = System.nanoTime();
    // files of a quarter of the scans (at most 5 M rows), so that the two import threads share them
    long fileRows = Math.max(100_000, Math.min(5_000_000, (scans + 3) / 4));
    List<Path> files = writeFiles(context.getBean(DataSource.class), scans, venueCount, fileRows);
    results.figure("scans.fileWriting", "s", seconds(t), null, null, null);
    double bare = bareCopy(BenchDatabase.owner(context), files);

    ImportJobs imports = context.getBean(ImportJobs.class);
    Authentication cdc = context.getBean(ImportPrincipals.class).authenticationOf("cdc").orElseThrow();
    t = System.nanoTime();
    List<ImportJobs.Submitted> jobs = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        jobs.add(imports.submit("venue-scans", file.getFileName().toString(), in, "UTF-8", cdc, Locale.ENGLISH));
      }
      Files.delete(file);
    }
    long imported = 0;
    for (ImportJobs.Submitted job : jobs) {
      job.running().get();
      ImportStatus status = imports.status(job.id(), "cdc").orElseThrow();
      if (!"DONE".equals(status.status()) || status.rowsRejected() != 0) {
        throw new IllegalStateException("venue-scans import: " + status.status() + " " + status.rowsRejected()
            + " rejected, " + status.errors().stream().limit(3).toList());
      }
      imported += status.rowsImported();
    }
    double elapsed = seconds(t);
    long stored = jdbc.sql("select count(*) from venue_scan").query(Long.class).single();
    if (imported != scans || stored != scans) {
      throw new IllegalStateException(scans + " scans written, " + imported + " imported, " + stored + " stored");
    }
    results.figure("scans.rows", "rows", scans, null, null, null);
    results.figure("scans.load", "rows/s", scans / elapsed, null, bare, 0.05);
    results.figure("scans.loadTotal", "s", elapsed, null, null, null);
    long bytes = jdbc.sql("""
        select coalesce(sum(pg_total_relation_size(inhrelid)), 0) from pg_inherits
        where inhparent = 'venue_scan'::regclass
        """).query(Long.class).single();
    results.figure("scans.tableSize", "GB", bytes / 1e9, null, null, null);
    results.figure("scans.bytesPerRow", "bytes", (double) bytes / scans, null, null, null);
    BenchDatabase.ownerJdbc(context).sql("vacuum analyze venue_scan").update();

    copresence(context, jdbc, city, venueCount, results);
  }

  /**
   * The scan files: row i is person i mod persons (in the registry's id order), at venue
   * BV(1 + i·7919 mod venues), at START + (i·37 mod 7 days) — no two rows share a key below 378 M
   * rows. Written from a COPY of the documents, so the 10 M persons never sit in memory as objects.
   */
  private static List<Path> writeFiles(DataSource dataSource, long scans, int venueCount, long fileRows)
      throws Exception {
    Path directory = Files.createDirectories(Path.of("target", "bench", "scans"));
    List<String> documents = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      PipedInputStream pipe = new PipedInputStream(1 << 20);
      PipedOutputStream out = new PipedOutputStream(pipe);
      Thread reader = new Thread(() -> {
        try (out) {
          connection.unwrap(PGConnection.class).getCopyAPI()
              .copyOut("copy (select id_type || ',' || id_number from person order by id) to stdout", out);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      reader.start();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          documents.add(line);
        }
      }
      reader.join();
    }
    List<Path> files = new ArrayList<>();
    StringBuilder row = new StringBuilder(96);
    for (long first = 0; first < scans; first += fileRows) {
      Path file = directory.resolve("scans-" + files.size() + ".csv");
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writer.write("idType,idNumber,venueCode,scannedAt\n");
        for (long i = first; i < Math.min(scans, first + fileRows); i++) {
          row.setLength(0);
          row.append(documents.get((int) (i % documents.size()))).append(",BV").append(1 + (i * 7919) % venueCount)
              .append(',').append(START.plusSeconds((i * 37) % (7 * 86_400))).append('\n');
          writer.append(row);
        }
      }
      files.add(file);
    }
    return files;
  }

  /** The same files by bare COPY into one table without keys or partitions: rows/s. */
  private static double bareCopy(DataSource dataSource, List<Path> files) throws Exception {
    long rows = 0;
    long t;
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("create table bench_scan_copy (id_type text, id_number text,"
          + " venue_code text, scanned_at timestamptz)");
      t = System.nanoTime();
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          rows += connection.unwrap(PGConnection.class).getCopyAPI()
              .copyIn("copy bench_scan_copy from stdin with (format csv, header true)", in);
        }
      }
      double elapsed = seconds(t);
      connection.createStatement().execute("drop table bench_scan_copy");
      return rows / elapsed;
    }
  }

  /**
   * 100 investigations with 5 venue visits each, over the days of the scans, searched twice over: first
   * right after the load and its vacuum (registry and scan index cold: the ceiling applies to this pass),
   * then 100 other investigations with the caches as the first pass left them; after each pass, the
   * 100 candidate lists.
   */
  private static void copresence(ConfigurableApplicationContext context, JdbcClient jdbc, Jurisdiction city,
      int venueCount, Benchmarks.Results results) {
    ImportPrincipals principals = context.getBean(ImportPrincipals.class);
    try {
      SecurityContextHolder.getContext().setAuthentication(principals.authenticationOf("cdc").orElseThrow());
      Copresence copresence = context.getBean(Copresence.class);
      StatementTimings.init(BenchDatabase.superuserJdbc(context));
      for (int pass = 0; pass < 2; pass++) {
        List<UUID> investigations = investigations(jdbc, city, venueCount, pass * CASES);
        StatementTimings.reset();
        long t = System.nanoTime();
        long candidates = 0;
        for (UUID id : investigations) {
          candidates += copresence.search(id).proposed();
        }
        double total = seconds(t);
        String name = pass == 0 ? "copresence.100x5" : "copresence.100x5.secondPass";
        StatementTimings.print(name);
        results.figure(name, "s", total, "< 2", null, null);
        results.figure(name + ".candidates", "persons", candidates, null, null, null);
        if (pass == 0) {
          results.ceiling(name, total, 2.0);
        }
        // then each investigation's candidate list, with the names (random reads in the registry)
        double[] lists = new double[investigations.size()];
        long listed = 0;
        t = System.nanoTime();
        for (int i = 0; i < lists.length; i++) {
          long l = System.nanoTime();
          listed += copresence.candidates(investigations.get(i)).size();
          lists[i] = (System.nanoTime() - l) / 1e6;
        }
        double listTotal = seconds(t);
        if (listed != candidates) {
          throw new IllegalStateException(candidates + " candidates proposed, " + listed + " listed");
        }
        java.util.Arrays.sort(lists);
        results.figure(name + ".candidateList.p95", "ms", lists[(int) Math.ceil(lists.length * 0.95) - 1],
            "< 100", null, null);
        results.figure(name + ".candidateLists", "s", listTotal, "all 100 lists", null, null);
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static List<UUID> investigations(JdbcClient jdbc, Jurisdiction city, int venueCount, int first) {
    List<UUID> investigations = new ArrayList<>();
    for (int c = first; c < first + CASES; c++) {
      UUID id = UUID.randomUUID();
      jdbc.sql("""
          insert into investigation (id, case_id, case_person_id, case_label, jurisdiction_code, jurisdiction_path,
            classification, onset_date, case_reported_at, state, core_due_at, report_due_at, created_at, created_by)
          values (:id, gen_random_uuid(), gen_random_uuid(), '共时基准', :code, :path, 'CONFIRMED', date '2022-11-03',
            now(), 'ASSIGNED', now(), now(), now(), 'bench')
          """).param("id", id).param("code", city.code()).param("path", city.path()).update();
      for (int v = 0; v < VISITS; v++) {
        Instant from = START.plusSeconds(86_400L + ((c * 5L + v) * 3_607) % (5 * 86_400));
        jdbc.sql("""
            insert into trajectory_entry (id, investigation_id, venue_code, from_at, to_at, created_at, created_by)
            values (gen_random_uuid(), :inv, :venue, :from, :to, now(), 'bench')
            """).param("inv", id).param("venue", "BV" + (1 + (c * 131 + v * 17) % venueCount))
            .param("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
            .param("to", java.time.OffsetDateTime.ofInstant(from.plusSeconds(3_600), java.time.ZoneOffset.UTC))
            .update();
      }
      investigations.add(id);
    }
    return investigations;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
