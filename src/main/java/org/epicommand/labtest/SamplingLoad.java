package org.epicommand.labtest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Today's sampling for the command map and the big screen, read from the board's hourly rollup
 * ({@code labtest_board_hour}), never the tubes: the persons sampled at each site in service since the
 * start of the city's day, and the persons sampled inside a jurisdiction. Counts and places only.
 */
@Service
@Transactional(readOnly = true)
public class SamplingLoad {

  /** A site in service with where it lies (null without coordinates) and today's tubes and persons. */
  public record SiteToday(String code, String name, String jurisdictionCode, BigDecimal latitude,
      BigDecimal longitude, Integer capacityPerDay, long tubes, long persons) {}

  /** A lab in service with where it lies. */
  public record LabPlace(String code, String name, BigDecimal latitude, BigDecimal longitude, Integer capacityPerDay) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  SamplingLoad(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The sampling sites in service inside {@code scope} with today's load, by code. */
  public List<SiteToday> sitesToday(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("""
        select s.code, s.name, s.jurisdiction_code, s.latitude, s.longitude, s.capacity_per_day,
          coalesce(h.tubes, 0) as tubes, coalesce(h.persons, 0) as persons
        from labtest_site s
        left join (select site_id, sum(tubes) as tubes, sum(persons) as persons from labtest_board_hour
                   where hour >= :since group by site_id) h on h.site_id = s.id
        where s.retired_at is null and %s order by s.code""".formatted(scope.predicate("s.jurisdiction_path"))))
        .param("since", Timestamp.from(startOfToday()))
        .query((rs, n) -> new SiteToday(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getObject(6, Integer.class), rs.getLong(7), rs.getLong(8)))
        .list();
  }

  /** The labs in service inside {@code scope} (and those kept for the whole platform), by code. */
  public List<LabPlace> labs(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("""
        select code, name, latitude, longitude, capacity_per_day from labtest_lab
        where retired_at is null and (jurisdiction_path is null or %s) order by code"""
        .formatted(scope.predicate("jurisdiction_path"))))
        .query((rs, n) -> new LabPlace(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
            rs.getObject(5, Integer.class)))
        .list();
  }

  /** Persons sampled today inside {@code scope} (counted where each person lives). */
  public long personsSampledToday(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select coalesce(sum(persons), 0) from labtest_board_hour where hour >= :since and "
            + scope.predicate("jurisdiction_path")))
        .param("since", Timestamp.from(startOfToday())).query(Long.class).single();
  }

  private Instant startOfToday() {
    return LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
  }
}
