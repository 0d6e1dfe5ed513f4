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
    if (!enabled()) {
      return;
    }
    try {
      client.sql("create extension if not exists pg_stat_statements").update();
      jdbc = client;
    } catch (RuntimeException e) {
      System.out.println("no statement timings: " + e.getMessage()
          + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
    }
  }

  /**
   * Whether statements are timed: {@code -Dbench.statements=true}, or by default when the labtest section runs
   * (its figures cite where the imports spend their time); {@code -Dbench.statements=false} turns it off.
   */
  static boolean enabled() {
    String set = System.getProperty("bench.statements");
    return set == null ? Benchmarks.selected("labtest") : Boolean.parseBoolean(set);
  }

  /** Seconds spent since the last {@link #reset} in the statements whose text is like {@code pattern}; null untimed. */
  static Double seconds(String pattern) {
    if (jdbc == null) {
      return null;
    }
    return jdbc.sql("select coalesce(sum(total_exec_time), 0) / 1000 from pg_stat_statements where query like ?")
        .param(pattern).query(Double.class).single();
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
