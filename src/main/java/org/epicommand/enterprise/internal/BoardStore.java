package org.epicommand.enterprise.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.enterprise.ResumptionBoard;
import org.epicommand.organisation.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The board's figures, each one statement over the {@code enterprise_org} read model. */
@Repository
public class BoardStore {

  /** A cell's sums. */
  public record CellRow(String districtCode, Sector sector, long organisations, long resumed, long headcount,
      long onDuty, long exposed) {}

  /** A scenic spot's capacity and visitors of the day. */
  public record ScenicFigures(UUID organisationId, String name, Integer capacity, Integer visitors) {}

  private final JdbcClient jdbc;

  BoardStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CellRow> cells(Reach reach) {
    return reach.bind(jdbc.sql("select o.district_code, o.sector, count(*), count(*) filter (where o.approved),"
            + " sum(o.headcount), sum(o.on_duty), count(*) filter (where o.exposed_at is not null)"
            + " from enterprise_org o where o.active and " + reach.on("o.path", "o.sector")
            + " group by o.district_code, o.sector order by o.district_code nulls first, o.sector"))
        .query((rs, n) -> new CellRow(rs.getString(1), Sector.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7))).list();
  }

  /** Per cohort of the schools (of their directory entries): how many schools, how many reopened it. */
  public List<ResumptionBoard.CohortRow> cohorts(Reach reach) {
    return reach.bind(jdbc.sql("""
        select c.cohort, count(*), count(*) filter (where exists (select 1 from resumption_application a
            where a.organisation_id = o.organisation_id and a.kind = 'REOPEN_SCHOOL_COHORT' and a.cohort = c.cohort
              and a.state = 'APPROVED'))
        from enterprise_org o cross join unnest(o.cohorts) as c (cohort)
        where o.active and o.kind in ('SCHOOL', 'KINDERGARTEN', 'TRAINING_INSTITUTION')
          and\s""" + reach.on("o.path", "o.sector")
            + " group by c.cohort order by c.cohort"))
        .query((rs, n) -> new ResumptionBoard.CohortRow(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
  }

  /** The scenic spots fullest against their capacity first (those without a report last). */
  public List<ScenicFigures> scenic(Reach reach, LocalDate day, int limit) {
    return reach.bind(jdbc.sql("select o.organisation_id, o.name, o.max_capacity, h.visitors from enterprise_org o"
            + " left join organisation_daily_health h on h.organisation_id = o.organisation_id and h.day = :day"
            + " where o.active and o.kind = 'SCENIC_SPOT' and " + reach.on("o.path", "o.sector")
            + " order by h.visitors::float / nullif(o.max_capacity, 0) desc nulls last, o.name limit :limit"))
        .param("day", day).param("limit", limit)
        .query((rs, n) -> new ScenicFigures(rs.getObject(1, UUID.class), rs.getString(2), (Integer) rs.getObject(3),
            (Integer) rs.getObject(4))).list();
  }

  /** All scenic spots' visitors of the day and their certified capacity. */
  public long[] scenicTotals(Reach reach, LocalDate day) {
    return reach.bind(jdbc.sql("select coalesce(sum(h.visitors), 0), coalesce(sum(o.max_capacity), 0)"
            + " from enterprise_org o left join organisation_daily_health h on h.organisation_id = o.organisation_id"
            + " and h.day = :day where o.active and o.kind = 'SCENIC_SPOT' and " + reach.on("o.path", "o.sector")))
        .param("day", day).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
  }
}
