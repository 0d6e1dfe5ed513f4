package org.epicommand.bench;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statement timings of a benchmark section ({@code -Dbench.statements=true}, with the embedded server started
 * with {@code -Depicommand.db.embedded.server-config.shared_preload_libraries=pg_stat_statements}):
 * the statements by total time, from {@code pg_stat_statements}, printed after it.
 */
final class StatementTimings {

  private static JdbcClient jdbc;

  private StatementTimings() {}

  static void init(JdbcClient client) {
    if (!Boolean.getBoolean("bench.statements")) {
      return;
    }
    try {
      client.sql("create extension if not exists pg_stat_statements").update();
      jdbc = client;
    } catch (RuntimeException e) {
      System.out.println("no statement timings: " + e.getMessage());
    }
  }

  static void reset() {
    if (jdbc != null) {
      jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
    }
  }

  static void print(String title) {
    if (jdbc == null) {
      return;
    }
    System.out.println("--- statements of the " + title + " (ms total, calls, rows, statement) ---");
    jdbc.sql("""
        select round(total_exec_time)::bigint, calls, rows, regexp_replace(left(query, 160), '\\s+', ' ', 'g')
        from pg_stat_statements where query not like '%pg_stat_statements%'
        order by total_exec_time desc limit 15
        """).query(rs -> {
          System.out.println(String.format(Locale.ROOT, "%9d %7d %9d  %s", rs.getLong(1), rs.getLong(2),
              rs.getLong(3), rs.getString(4)));
        });
  }
}
