package org.epicommand.labtest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A lab's day at a glance (the lab operator's home card): tubes still waiting for a result, those
 * waiting longer than a day, results of the last 24 hours and their median turnaround. Lab operators
 * handle every tube (see {@link Tubes}), so the figures are the city's.
 */
@Service
public class LabWorkload {

  /** A tube sampled longer ago than this without a result is late (docs/domain.md §7: results within 24 h). */
  static final Duration LATE = Duration.ofHours(24);

  /**
   * Tubes without a result ({@code more}: at least {@code cap}), of them late ones, results of the last
   * 24 h and their median turnaround in minutes (null without results).
   */
  public record Workload(long awaiting, boolean awaitingMore, long late, boolean lateMore, long resulted,
      Double medianMinutes) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  LabWorkload(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts stop at {@code cap} (a card shows "100+"). */
  public Workload today(int cap) {
    Timestamp lateBefore = Timestamp.from(clock.instant().minus(LATE));
    long awaiting = jdbc.sql("""
        select count(*) from (select 1 from labtest_tube where state <> 'RESULTED' limit :cap) t
        """).param("cap", cap).query(Long.class).single();
    long late = jdbc.sql("""
        select count(*) from (
          select 1 from labtest_tube where state <> 'RESULTED' and collected_at < :before limit :cap) t
        """).param("cap", cap).param("before", lateBefore).query(Long.class).single();
    TurnaroundHistogram histogram = new TurnaroundHistogram();
    jdbc.sql("""
        select bucket, sum(tubes) from labtest_turnaround_hour
        where hour >= :since and measure = 'T' group by bucket
        """).param("since", Timestamp.from(clock.instant().minus(LATE).truncatedTo(ChronoUnit.HOURS)))
        .query(rs -> {
          histogram.add(rs.getInt(1), rs.getLong(2));
        });
    return new Workload(awaiting, awaiting >= cap, late, late >= cap, histogram.total(),
        histogram.total() == 0 ? null : histogram.percentile(0.5));
  }
}
