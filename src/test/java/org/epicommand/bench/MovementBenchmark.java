package org.epicommand.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.ImportStatus;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.person.ResidentIdNumber;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

/**
 * Movement: a pushed list of N rows (default: persons / 10; 1,000,000 at the 10 M run) imported through
 * the product's import job — checked, matched against the registry (document, then name + phone),
 * routed, staged by COPY and merged with the dedupe rules — against a bare COPY of the same file into
 * an index-free table of eight text columns. Mix: 70 % registered documents, 10 % name + phone only,
 * 15 % unknown documents (routed to a district desk), 5 % repeated rows (rejected as duplicates).
 */
final class MovementBenchmark {

  private MovementBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    int rows = Integer.getInteger("bench.pushedRows", Math.max(1_000, persons / 10));
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Path file = Files.createTempFile("pushed-list", ".csv");
    try {
      write(jdbc, file, rows);
      double bare = bareCopy(BenchDatabase.owner(context), file);
      Authentication commander = context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow();
      ImportJobs jobs = context.getBean(ImportJobs.class);
      long t = System.nanoTime();
      ImportJobs.Submitted submitted;
      try (InputStream in = Files.newInputStream(file)) {
        submitted = jobs.submit("pushed-list", "bench.csv", in, null, commander, Locale.ROOT);
      }
      submitted.running().get();
      double seconds = (System.nanoTime() - t) / 1e9;
      ImportStatus status = jobs.status(submitted.id(), "commander").orElseThrow();
      long items = jdbc.sql("select count(*) from pushed_item where import_id = :id").param("id", submitted.id())
          .query(Long.class).single();
      results.figure("movement.pushedList.rows", "rows", rows, null, null, null);
      results.figure("movement.pushedList.items", "items", items, null, null, null);
      results.figure("movement.pushedList.rejected", "rows", status.rowsRejected(), null, null, null);
      results.figure("movement.pushedList.seconds", "s", seconds, "< 60 at 1 M", null, null);
      results.figure("movement.pushedList.throughput", "rows/s", rows / seconds, ">= 16667", rows / bare, null);
      if (rows >= 1_000_000) {
        results.ceiling("movement.pushedList.seconds", seconds, 60);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void write(JdbcClient jdbc, Path file, int rows) throws Exception {
    record Known(String idNumber, String name, String phone) {}
    int sample = (int) (rows * 0.8) + 1;
    List<Known> known = jdbc.sql("select id_number, name, coalesce(phone, '') from person where id_type = 'RESIDENT_ID'"
            + " and phone is not null order by id limit :n")
        .param("n", sample).query((rs, n) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    Random random = new Random(20221111L);
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n");
      String previous = null;
      for (int i = 0; i < rows; i++) {
        int kind = random.nextInt(100);
        String list = "BENCH-" + (i % 10);
        String line;
        if (kind < 5 && previous != null) {
          line = previous;
        } else if (kind < 80 && !known.isEmpty()) {
          Known k = known.get(i % known.size());
          line = list + ",RESIDENT_ID," + k.idNumber() + "," + k.name() + ",,涉疫地区停留,990102," + pushedAt;
        } else if (kind < 90 && !known.isEmpty()) {
          Known k = known.get((i * 7) % known.size());
          line = list + ",,," + k.name() + "," + k.phone() + ",时空伴随,990102," + pushedAt;
        } else {
          // unknown residents: region 419009, a distinct birth date and sequence per row
          String first17 = "419009" + (1960 + i / 900 / 336 % 40) + String.format("%02d", i / 900 / 28 % 12 + 1)
              + String.format("%02d", i / 900 % 28 + 1) + String.format("%03d", i % 900 + 100);
          line = list + ",RESIDENT_ID," + first17 + ResidentIdNumber.checkCharacter(first17) + ",外来" + i
              + ",,协查,990102," + pushedAt;
        }
        out.write(line);
        out.write('\n');
        previous = line;
      }
    }
  }

  /** The same file COPY'd (CSV, header) into a table of eight text columns, no index: the floor. */
  private static double bareCopy(DataSource dataSource, Path file) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("create table bench_pushed_bare (list_ref text, id_type text,"
          + " id_number text, name text, phone text, reason text, source_region text, pushed_at text)");
      long t = System.nanoTime();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        connection.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("copy bench_pushed_bare from stdin (format csv, header true)", reader);
      }
      double elapsed = (System.nanoTime() - t) / 1e9;
      connection.createStatement().execute("drop table bench_pushed_bare");
      return elapsed;
    }
  }
}
