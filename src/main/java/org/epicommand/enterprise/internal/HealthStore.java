package org.epicommand.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.command.ReportStatus;
import org.epicommand.enterprise.DailyHealthReport;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daily health reports, and each active organisation's status for a day (MISSING without a report). */
@Repository
public class HealthStore {

  /** An organisation's status for a day. */
  public record StatusRow(UUID organisationId, String creditCode, String name, OrganisationKind kind, Sector sector,
      ReportStatus status) {}

  private static final String COLUMNS = "organisation_id, day, present, fever, absent_sick, under_quarantine, visitors,"
      + " zero, status, submitted_by, submitted_at";

  private final JdbcClient jdbc;

  HealthStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Files a report; false when the organisation filed that day already. */
  public boolean insert(DailyHealthReport r, String path, Instant at) {
    return jdbc.sql("""
        insert into organisation_daily_health (organisation_id, day, organisation_path, present, fever, absent_sick,
          under_quarantine, visitors, zero, status, submitted_by, submitted_at)
        values (:org, :day, :path, :present, :fever, :sick, :quarantine, :visitors, :zero, :status, :by, :at)
        on conflict (organisation_id, day) do nothing
        """).param("org", UUID.fromString(r.organisationId())).param("day", r.day()).param("path", path)
        .param("present", r.present()).param("fever", r.fever()).param("sick", r.absentSick())
        .param("quarantine", r.underQuarantine()).param("visitors", r.visitors()).param("zero", r.zero())
        .param("status", r.status().name()).param("by", r.submittedBy()).param("at", Timestamp.from(at)).update() == 1;
  }

  public Optional<DailyHealthReport> find(UUID organisationId, LocalDate day) {
    return jdbc.sql("select " + COLUMNS + " from organisation_daily_health where organisation_id = :org and day = :day")
        .param("org", organisationId).param("day", day).query(HealthStore::report).optional();
  }

  public List<DailyHealthReport> list(UUID organisationId, LocalDate from, LocalDate to) {
    return jdbc.sql("select " + COLUMNS + " from organisation_daily_health where organisation_id = :org"
            + " and day between :from and :to order by day desc").param("org", organisationId).param("from", from)
        .param("to", to).query(HealthStore::report).list();
  }

  private static final String STATUS_FROM = " from enterprise_org o left join organisation_daily_health h"
      + " on h.organisation_id = o.organisation_id and h.day = :day where o.active";

  /** The active organisations of the reach (and sector, and status) with their status for the day, by path. */
  public List<StatusRow> statuses(LocalDate day, Reach reach, Sector sector, ReportStatus status, long offset,
      int limit) {
    JdbcClient.StatementSpec spec = reach.bind(jdbc.sql("select o.organisation_id, o.credit_code, o.name, o.kind,"
            + " o.sector, coalesce(h.status, 'MISSING') as status" + STATUS_FROM + " and " + reach.on("o.path",
                "o.sector")
            + (sector == null ? "" : " and o.sector = :sector")
            + (status == null ? "" : " and coalesce(h.status, 'MISSING') = :status")
            + " order by o.path offset :offset limit :limit"))
        .param("day", day).param("offset", offset).param("limit", limit);
    if (sector != null) {
      spec = spec.param("sector", sector.name());
    }
    if (status != null) {
      spec = spec.param("status", status.name());
    }
    return spec.query((rs, n) -> new StatusRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
        OrganisationKind.valueOf(rs.getString(4)), Sector.valueOf(rs.getString(5)),
        ReportStatus.valueOf(rs.getString(6)))).list();
  }

  /** How many organisations of the reach (and sector) are in each status for the day. */
  public Map<ReportStatus, Long> counts(LocalDate day, Reach reach, Sector sector) {
    Map<ReportStatus, Long> counts = new EnumMap<>(ReportStatus.class);
    for (ReportStatus s : ReportStatus.values()) {
      counts.put(s, 0L);
    }
    JdbcClient.StatementSpec spec = reach.bind(jdbc.sql("select coalesce(h.status, 'MISSING'), count(*)" + STATUS_FROM
        + " and " + reach.on("o.path", "o.sector") + (sector == null ? "" : " and o.sector = :sector") + " group by 1"))
        .param("day", day);
    if (sector != null) {
      spec = spec.param("sector", sector.name());
    }
    spec.query((rs, n) -> counts.put(ReportStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
    return counts;
  }

  static DailyHealthReport report(ResultSet rs, int n) throws SQLException {
    return new DailyHealthReport(rs.getString("organisation_id"), rs.getObject("day", LocalDate.class),
        rs.getInt("present"), rs.getInt("fever"), rs.getInt("absent_sick"), rs.getInt("under_quarantine"),
        (Integer) rs.getObject("visitors"), rs.getBoolean("zero"), ReportStatus.valueOf(rs.getString("status")),
        rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class));
  }
}
