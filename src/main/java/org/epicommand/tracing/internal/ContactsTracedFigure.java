package org.epicommand.tracing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.DayFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Close contacts identified on a day (city zone) whose home lies in the division: the daily report's "新增密接". */
@Component
class ContactsTracedFigure implements DayFigure {

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final Clock clock;

  ContactsTracedFigure(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.clock = clock;
  }

  @Override
  public String key() {
    return "closeContactsTraced";
  }

  @Override
  public long of(String jurisdictionCode, LocalDate day) {
    return jurisdictions.find(jurisdictionCode).map(Jurisdiction::scope).map(scope -> scope.bind(jdbc.sql(
            "select count(*) from contact where category = 'CLOSE' and identified_at >= :from and identified_at < :to"
                + " and " + scope.predicate("jurisdiction_path")))
        .param("from", OffsetDateTime.from(day.atStartOfDay(clock.getZone())))
        .param("to", OffsetDateTime.from(day.plusDays(1).atStartOfDay(clock.getZone())))
        .query(Long.class).single()).orElse(0L);
  }
}
