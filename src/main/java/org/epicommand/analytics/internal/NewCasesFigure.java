package org.epicommand.analytics.internal;

import java.time.LocalDate;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.DayFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * New positives (confirmed and asymptomatic, local and imported) of a division and day, counted as
 * the dashboard counts them: by the day a case entered its classification in the city's zone, a
 * historical line list on its own days.
 */
@Component
class NewCasesFigure implements DayFigure {

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;

  NewCasesFigure(JdbcClient jdbc, Jurisdictions jurisdictions) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
  }

  @Override
  public String key() {
    return "newCases";
  }

  @Override
  public long of(String jurisdictionCode, LocalDate day) {
    return jurisdictions.find(jurisdictionCode).map(Jurisdiction::scope).map(scope -> count(scope, day)).orElse(0L);
  }

  private long count(JurisdictionScope scope, LocalDate day) {
    // cases counted before their own division was kept (case_path null) count under their district
    return scope.bind(jdbc.sql("select count(*) from analytics_case where counted_on = :day"
        + " and classification in ('CONFIRMED', 'ASYMPTOMATIC') and ("
        + scope.predicate("coalesce(case_path, district_path)") + ")")).param("day", day)
        .query(Long.class).single();
  }
}
