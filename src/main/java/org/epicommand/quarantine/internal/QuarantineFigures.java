package org.epicommand.quarantine.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.DayFigure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quarantine figures of a division and day for the daily reports: persons under quarantine at
 * the end of the day ("在管隔离人员") and orders opened that day.
 */
@Configuration(proxyBeanMethods = false)
class QuarantineFigures {

  @Bean
  DayFigure underQuarantineFigure(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
    return figure("underQuarantine", jdbc, jurisdictions, clock,
        "created_at < :to and (ended_at is null or ended_at >= :to)");
  }

  @Bean
  DayFigure ordersOpenedFigure(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
    return figure("ordersOpened", jdbc, jurisdictions, clock, "created_at >= :from and created_at < :to");
  }

  private static DayFigure figure(String key, JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock,
      String condition) {
    return new DayFigure() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public long of(String jurisdictionCode, LocalDate day) {
        return jurisdictions.find(jurisdictionCode).map(Jurisdiction::scope).map(scope -> scope.bind(jdbc.sql(
                "select count(*) from quarantine_order where " + condition + " and "
                    + scope.predicate("jurisdiction_path")))
            .param("from", OffsetDateTime.from(day.atStartOfDay(clock.getZone())))
            .param("to", OffsetDateTime.from(day.plusDays(1).atStartOfDay(clock.getZone())))
            .query(Long.class).single()).orElse(0L);
      }
    };
  }
}
