package org.epicommand.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's once-a-day jobs (the key groups' sweep, the risk areas' downgrade proposals, the quarantine sites'
 * planned ends), each run once for each day in the city's zone. A module schedules its job at its hour and again a
 * few minutes after start-up and every hour after, and runs it through {@link #runOnce}: a platform that was down at
 * the hour, or whose run failed, catches up within the hour, and a day that ran is not run again. A day's run is
 * recorded ({@code platform_daily_run}: job, day, when, what it did) once it succeeded.
 */
@Component
public class DailyRuns {

  private final JdbcClient jdbc;
  private final Clock clock;

  DailyRuns(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether {@code job} has run for {@code day}. */
  public boolean ran(String job, LocalDate day) {
    return jdbc.sql("select exists (select from platform_daily_run where job = ? and day = ?)").params(job, day)
        .query(Boolean.class).single();
  }

  /**
   * Runs {@code work} for today (in the city's zone, handed to it) unless {@code job} ran for today, and records it
   * with what {@code work} answers (at most 200 characters): whether it ran now. A run that throws is not recorded,
   * so the next call runs it again.
   */
  public boolean runOnce(String job, Function<LocalDate, String> work) {
    LocalDate today = LocalDate.now(clock);
    if (ran(job, today)) {
      return false;
    }
    String detail = work.apply(today);
    jdbc.sql("""
        insert into platform_daily_run (job, day, ran_at, detail) values (?, ?, ?, ?)
        on conflict (job, day) do nothing""").params(job, today, OffsetDateTime.now(clock),
        detail == null ? null : detail.substring(0, Math.min(200, detail.length()))).update();
    return true;
  }
}
