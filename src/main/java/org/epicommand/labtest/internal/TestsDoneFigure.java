package org.epicommand.labtest.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.DayFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Persons sampled on a day (city zone) who live in the division ("核酸检测人次"), from the campaign
 * board's hourly rollup (each member counted at their own division), never from the tubes.
 */
@Component
class TestsDoneFigure implements DayFigure {

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final Clock clock;

  TestsDoneFigure(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.clock = clock;
  }

  @Override
  public String key() {
    return "testsDone";
  }

  @Override
  public long of(String jurisdictionCode, LocalDate day) {
    return jurisdictions.find(jurisdictionCode).map(Jurisdiction::scope).map(scope -> scope.bind(jdbc.sql(
            "select coalesce(sum(persons), 0) from labtest_board_hour where hour >= :from and hour < :to and "
                + scope.predicate("jurisdiction_path")))
        .param("from", OffsetDateTime.from(day.atStartOfDay(clock.getZone())))
        .param("to", OffsetDateTime.from(day.plusDays(1).atStartOfDay(clock.getZone())))
        .query(Long.class).single()).orElse(0L);
  }
}
