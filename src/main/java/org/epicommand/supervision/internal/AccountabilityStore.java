package org.epicommand.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.supervision.AccountabilityKind;
import org.epicommand.supervision.AccountabilityRecord;
import org.epicommand.supervision.GoodPractice;
import org.epicommand.supervision.PublicNaming;
import org.epicommand.supervision.ScorecardRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accountability records, good practices, and the per-unit scorecard over problems and accountability. */
@Repository
public class AccountabilityStore {

  private final JdbcClient jdbc;

  AccountabilityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, AccountabilityKind kind, UUID problemId, InspectionStore.Target unit, String personName,
      String personPosition, String reason, LocalDate decidedOn, String username, Instant now) {
    jdbc.sql("""
        insert into accountability_record (id, kind, problem_id, unit_code, unit_name, unit_path, person_name,
          person_position, reason, decided_on, recorded_by, recorded_at)
        values (:id, :kind, :problem, :code, :name, :path, :person, :position, :reason, :decided, :by, :now)
        """)
        .param("id", id).param("kind", kind.name()).param("problem", problemId).param("code", unit.code())
        .param("name", unit.name()).param("path", unit.path()).param("person", personName)
        .param("position", personPosition).param("reason", reason).param("decided", decidedOn)
        .param("by", username).param("now", Timestamp.from(now)).update();
  }

  public List<AccountabilityRecord> list(AccountabilityKind kind, UUID problemId, JurisdictionScope scope,
      long offset, int limit) {
    return scope.bind(jdbc.sql("select * from accountability_record a where " + scope.predicate("a.unit_path")
            + " and a.kind = coalesce(:kind, a.kind) and (cast(:problem as uuid) is null or a.problem_id = :problem)"
            + " order by a.decided_on desc, a.recorded_at desc offset :offset limit :limit"))
        .param("kind", kind == null ? null : kind.name()).param("problem", problemId)
        .param("offset", offset).param("limit", limit)
        .query((rs, n) -> {
          UUID problem = rs.getObject("problem_id", UUID.class);
          return new AccountabilityRecord(rs.getObject("id", UUID.class).toString(),
              AccountabilityKind.valueOf(rs.getString("kind")), problem == null ? null : problem.toString(),
              rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("person_name"),
              rs.getString("person_position"), rs.getString("reason"), rs.getObject("decided_on", LocalDate.class),
              rs.getString("recorded_by"));
        }).list();
  }

  /** Every 通报, city-wide, newest first: what the public naming list shows. */
  public List<PublicNaming> publicNaming(long offset, int limit) {
    return jdbc.sql("select unit_name, person_name, person_position, reason, decided_on from accountability_record"
            + " where kind = 'PUBLIC_NAMING' order by decided_on desc, recorded_at desc offset :offset limit :limit")
        .param("offset", offset).param("limit", limit)
        .query((rs, n) -> new PublicNaming(rs.getString("unit_name"), rs.getString("person_name"),
            rs.getString("person_position"), rs.getString("reason"), rs.getObject("decided_on", LocalDate.class)))
        .list();
  }

  public void insertGoodPractice(UUID id, InspectionStore.Target unit, String title, String description,
      String username, Instant now) {
    jdbc.sql("""
        insert into good_practice (id, unit_code, unit_name, title, description, recorded_by, recorded_at)
        values (:id, :code, :name, :title, :description, :by, :now)
        """)
        .param("id", id).param("code", unit.code()).param("name", unit.name()).param("title", title)
        .param("description", description).param("by", username).param("now", Timestamp.from(now)).update();
  }

  public List<GoodPractice> goodPractices(long offset, int limit) {
    return jdbc.sql("select * from good_practice order by recorded_at desc, id offset :offset limit :limit")
        .param("offset", offset).param("limit", limit)
        .query((rs, n) -> new GoodPractice(rs.getObject("id", UUID.class).toString(), rs.getString("unit_code"),
            rs.getString("unit_name"), rs.getString("title"), rs.getString("description"),
            rs.getString("recorded_by"), ProblemStore.offset(rs, "recorded_at")))
        .list();
  }

  /**
   * Per unit inside the scope: problems found; settled (verified or closed) by the deadline's day;
   * overdue (still open past the deadline, or settled after it); rejections; accountability
   * measures. Days are the city's ({@code zone}).
   */
  public List<ScorecardRow> scorecard(JurisdictionScope scope, LocalDate today, ZoneId zone) {
    return scope.bind(jdbc.sql("""
        with p as (
          select unit_code, min(unit_name) as unit_name, count(*) as found,
            count(*) filter (where verified_at is not null
              and (deadline is null or cast(verified_at at time zone :zone as date) <= deadline)) as on_time,
            count(*) filter (where deadline is not null and (
              (state not in ('VERIFIED', 'CLOSED') and deadline < :today)
              or (verified_at is not null and cast(verified_at at time zone :zone as date) > deadline))) as overdue,
            coalesce(sum(rejections), 0) as rejected
          from problem_item p where %s group by unit_code
        ), a as (
          select unit_code, min(unit_name) as unit_name, count(*) as measures
          from accountability_record a where %s group by unit_code
        )
        select coalesce(p.unit_code, a.unit_code) as unit_code, coalesce(p.unit_name, a.unit_name) as unit_name,
          coalesce(p.found, 0) as found, coalesce(p.on_time, 0) as on_time, coalesce(p.overdue, 0) as overdue,
          coalesce(p.rejected, 0) as rejected, coalesce(a.measures, 0) as measures
        from p full join a on a.unit_code = p.unit_code
        order by 1
        """.formatted(scope.predicate("p.unit_path"), scope.predicate("a.unit_path"))))
        .param("today", today).param("zone", zone.getId())
        .query((rs, n) -> {
          int found = rs.getInt("found");
          int onTime = rs.getInt("on_time");
          int overdue = rs.getInt("overdue");
          int rejected = rs.getInt("rejected");
          int measures = rs.getInt("measures");
          return new ScorecardRow(rs.getString("unit_code"), rs.getString("unit_name"), found, onTime, overdue,
              rejected, measures, ScorecardRow.of(found, onTime, overdue, rejected, measures));
        }).list();
  }
}
