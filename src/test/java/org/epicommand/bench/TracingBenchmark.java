package org.epicommand.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.ImportRow;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.tracing.Copresence;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Venue scans and co-presence: scans loaded through the {@code venue-scans} handler (parse, venue
 * and person lookups, COPY into staging, day partitions, insert) in rows/s against a bare COPY of the
 * same rows into a table without keys (floor: 3 % of bare COPY, which skips parsing, lookups and the key); co-presence for
 * 100 cases × 5 venue visits (target &lt; 2 s in total). {@code -Dbench.scans} (default 5 per person,
 * at most 5 M; 100 M for the README figure with 10 M persons).
 */
final class TracingBenchmark {

  static final int VENUES = 2_000;
  static final int CASES = 100;
  static final int VISITS = 5;

  private TracingBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    long scans = Long.getLong("bench.scans", Math.min(5_000_000L, persons * 5L));
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Jurisdiction city = context.getBean(Jurisdictions.class).find("990100").orElseThrow();
    jdbc.sql("""
        insert into venue (id, code, name, venue_type, jurisdiction_code, jurisdiction_path, created_at)
        select gen_random_uuid(), 'BV' || i, '基准场所' || i, 'SHOP', :code, :path, now()
        from generate_series(1, :n) i on conflict (code) do nothing
        """).param("code", city.code()).param("path", city.path()).param("n", VENUES).update();
    List<String[]> documents = jdbc.sql("select id_type, id_number from person order by id limit 1000000")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    Map<String, Integer> columns = Map.of("idtype", 0, "idnumber", 1, "venuecode", 2, "scannedat", 3);
    Instant start = Instant.parse("2022-11-01T00:00:00Z");
    // scans spread over 7 days, ~1 per person per 8 hours, at 2,000 venues
    java.util.function.LongFunction<List<String>> row = i -> {
      String[] d = documents.get((int) (i % documents.size()));
      return List.of(d[0], d[1], "BV" + (1 + (i * 7919) % VENUES),
          start.plusSeconds((i * 37) % (7 * 86_400)).toString());
    };

    ImportHandler handler = context.getBeansOfType(ImportHandler.class).values().stream()
        .filter(h -> h.kind().equals("venue-scans")).findFirst().orElseThrow();
    TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    UUID importId = UUID.randomUUID();
    long[] rejected = {0};
    ImportBatch batch = new ImportBatch() {
      public UUID importId() {
        return importId;
      }

      public String username() {
        return "cdc";
      }

      public void reject(ImportRow r, String field, String code, Object... args) {
        rejected[0]++;
      }

      public void putResult(String group, String key, String value) {}
    };
    ImportPrincipals principals = context.getBean(ImportPrincipals.class);
    try {
      SecurityContextHolder.getContext().setAuthentication(principals.authenticationOf("cdc").orElseThrow());
      long t = System.nanoTime();
      List<ImportRow> rows = new ArrayList<>(handler.batchSize());
      for (long i = 0; i < scans; i++) {
        rows.add(new ImportRow((int) (i % Integer.MAX_VALUE) + 2, row.apply(i), columns));
        if (rows.size() == handler.batchSize() || i == scans - 1) {
          List<ImportRow> chunk = rows;
          tx.executeWithoutResult(s -> handler.importBatch(chunk, batch));
          rows = new ArrayList<>(handler.batchSize());
        }
      }
      double loaded = (scans - rejected[0]) / seconds(t);

      double bare = bareCopy(context.getBean(DataSource.class), jdbc, scans, documents, row);
      results.figure("scans.load", "rows/s", loaded, null, bare, 0.03);

      // 100 investigations with 5 venue visits each, on the busiest day of the scans
      Copresence copresence = context.getBean(Copresence.class);
      List<UUID> investigations = new ArrayList<>();
      for (int c = 0; c < CASES; c++) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            insert into investigation (id, case_id, case_person_id, case_label, jurisdiction_code, jurisdiction_path,
              classification, onset_date, case_reported_at, state, core_due_at, report_due_at, created_at, created_by)
            values (:id, gen_random_uuid(), gen_random_uuid(), '共时基准', :code, :path, 'CONFIRMED', date '2022-11-03',
              now(), 'ASSIGNED', now(), now(), now(), 'bench')
            """).param("id", id).param("code", city.code()).param("path", city.path()).update();
        for (int v = 0; v < VISITS; v++) {
          Instant from = start.plusSeconds(86_400L + ((c * 5L + v) * 3_607) % (5 * 86_400));
          jdbc.sql("""
              insert into trajectory_entry (id, investigation_id, venue_code, from_at, to_at, created_at, created_by)
              values (gen_random_uuid(), :inv, :venue, :from, :to, now(), 'bench')
              """).param("inv", id).param("venue", "BV" + (1 + (c * 131 + v * 17) % VENUES))
              .param("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
              .param("to", java.time.OffsetDateTime.ofInstant(from.plusSeconds(3_600), java.time.ZoneOffset.UTC))
              .update();
        }
        investigations.add(id);
      }
      t = System.nanoTime();
      long candidates = 0;
      for (UUID id : investigations) {
        candidates += copresence.search(id).size();
      }
      double total = seconds(t);
      results.figure("copresence.100x5", "s", total, "< 2", null, null);
      results.figure("copresence.candidates", "persons", candidates, null, null, null);
      results.ceiling("copresence.100x5", total, 2.0);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** The same rows by one bare COPY into a table without keys or partitions (ids resolved in advance). */
  private static double bareCopy(DataSource dataSource, JdbcClient jdbc, long scans, List<String[]> documents,
      java.util.function.LongFunction<List<String>> row) throws Exception {
    jdbc.sql("create table if not exists bench_scan_copy (venue_id uuid, scanned_at timestamptz, person_id uuid)")
        .update();
    Map<String, UUID> venues = new HashMap<>();
    jdbc.sql("select code, id from venue where code like 'BV%'").query(rs -> {
      venues.put(rs.getString(1), rs.getObject(2, UUID.class));
    });
    Map<String, UUID> people = new HashMap<>();
    jdbc.sql("select id_number, id from person order by id limit 1000000").query(rs -> {
      people.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getObject(2, UUID.class));
    });
    long t = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("copy bench_scan_copy (venue_id, scanned_at, person_id) from stdin");
      StringBuilder text = new StringBuilder(1 << 20);
      for (long i = 0; i < scans; i++) {
        List<String> r = row.apply(i);
        text.append(venues.get(r.get(2))).append('\t').append(r.get(3)).append('\t')
            .append(people.get(r.get(1).toUpperCase(Locale.ROOT))).append('\n');
        if (text.length() > (1 << 20) - 256 || i == scans - 1) {
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          text.setLength(0);
        }
      }
      copy.endCopy();
      connection.commit();
    }
    double rate = scans / seconds(t);
    jdbc.sql("drop table bench_scan_copy").update();
    return rate;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
