package org.epicommand.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.supervision.InspectionPlan;
import org.epicommand.supervision.Visit;
import org.epicommand.supervision.VisitState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans, their team members and their visits. Visits are read through the caller's {@link Visibility}. */
@Repository
public class InspectionStore {

  static final String VISIT_COLUMNS = "v.id, v.plan_id, pl.theme, v.unit_code, v.unit_name, v.planned_at, v.state,"
      + " v.started_at, v.completed_at, v.summary,"
      + " (select count(*) from problem_item p where p.visit_id = v.id) as problems_found";
  static final String VISIT_FROM = " from inspection_visit v join inspection_plan pl on pl.id = v.plan_id";

  /** A target unit of a new plan (or the district a plan covers). */
  public record Target(String code, String name, String path) {}

  /** A plan's own row: its day, theme, team name and district (null: the whole city). */
  public record NewPlanRow(LocalDate date, String theme, String teamName, Target district) {}

  /** Which plans a list shows: from a day on, of one day, of one district; null fields do not filter. */
  public record PlanFilter(LocalDate from, LocalDate day, String districtCode) {}

  private static final String PLAN_SELECT =
      "select id, plan_date, theme, team_name, district_code, district_name, created_by from inspection_plan";

  private final JdbcClient jdbc;

  InspectionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean planExists(UUID id) {
    return jdbc.sql("select count(*) from inspection_plan where id = :id").param("id", id).query(Long.class)
        .single() > 0;
  }

  /** The plan of a day for a team and a district (null: none named), if there is one. */
  public Optional<UUID> planFor(LocalDate date, String teamName, String districtCode) {
    return jdbc.sql("select id from inspection_plan where plan_date = :date and coalesce(team_name, '') = :team"
            + " and coalesce(district_code, '') = :district")
        .param("date", date).param("team", teamName == null ? "" : teamName)
        .param("district", districtCode == null ? "" : districtCode).query(UUID.class).optional();
  }

  public void insertPlan(UUID id, NewPlanRow plan, List<String> team, String createdBy, Instant now) {
    jdbc.sql("insert into inspection_plan (id, plan_date, theme, team_name, district_code, district_name, created_by,"
            + " created_at) values (:id, :date, :theme, :teamName, :district, :districtName, :by, :now)")
        .param("id", id).param("date", plan.date()).param("theme", plan.theme()).param("teamName", plan.teamName())
        .param("district", plan.district() == null ? null : plan.district().code())
        .param("districtName", plan.district() == null ? null : plan.district().name()).param("by", createdBy)
        .param("now", Timestamp.from(now)).update();
    for (String member : team) {
      jdbc.sql("insert into inspection_team_member (plan_id, username) values (:id, :username)")
          .param("id", id).param("username", member).update();
    }
  }

  public void insertVisit(UUID id, UUID planId, Target target, Instant plannedAt, Instant now) {
    jdbc.sql("""
        insert into inspection_visit (id, plan_id, unit_code, unit_name, unit_path, planned_at, state, created_at)
        values (:id, :plan, :code, :name, :path, :plannedAt, 'PLANNED', :now)
        """)
        .param("id", id).param("plan", planId).param("code", target.code()).param("name", target.name())
        .param("path", target.path()).param("plannedAt", Timestamp.from(plannedAt)).param("now", Timestamp.from(now))
        .update();
  }

  public Optional<InspectionPlan> plan(UUID id, Visibility visibility) {
    return jdbc.sql(PLAN_SELECT + " where id = :id").param("id", id).query(this::plan).optional()
        .map(plan -> new InspectionPlan(plan.id(), plan.date(), plan.theme(), plan.teamName(), plan.districtCode(),
            plan.districtName(), plan.team(),
            visibility.bind(jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + " where v.plan_id = :id and "
                    + visibility.visits("v") + " order by v.planned_at, v.unit_code"))
                .param("id", id).query(InspectionStore::visit).list(),
            plan.createdBy()));
  }

  /**
   * Plans from a day on (null: all) or of one day, of one district or all, newest first, then by
   * team; visits are not filled.
   */
  public List<InspectionPlan> plans(PlanFilter filter, long offset, int limit) {
    return jdbc.sql(PLAN_SELECT + " where plan_date >= coalesce(cast(:from as date), plan_date)"
            + " and plan_date = coalesce(cast(:day as date), plan_date)"
            + " and coalesce(district_code, '') = coalesce(cast(:district as varchar), coalesce(district_code, ''))"
            + " order by plan_date desc, team_name nulls first, district_code nulls first, id offset :offset limit :limit")
        .param("from", filter.from()).param("day", filter.day()).param("district", filter.districtCode())
        .param("offset", offset).param("limit", limit).query(this::plan).list();
  }

  private InspectionPlan plan(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new InspectionPlan(id.toString(), rs.getObject("plan_date", LocalDate.class), rs.getString("theme"),
        rs.getString("team_name"), rs.getString("district_code"), rs.getString("district_name"), team(id), List.of(),
        rs.getString("created_by"));
  }

  public List<String> team(UUID planId) {
    return jdbc.sql("select username from inspection_team_member where plan_id = :id order by username")
        .param("id", planId).query(String.class).list();
  }

  public Optional<Visit> visit(UUID id, Visibility visibility) {
    return visibility.bind(jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + " where v.id = :id and "
            + visibility.visits("v")))
        .param("id", id).query(InspectionStore::visit).optional();
  }

  /** The visits the caller may see, optionally of one state, latest planned first. */
  public List<Visit> visits(VisitState state, Visibility visibility, long offset, int limit) {
    String sql = "select " + VISIT_COLUMNS + VISIT_FROM + " where " + visibility.visits("v")
        + (state == null ? "" : " and v.state = :state")
            + " order by v.planned_at desc, v.id offset :offset limit :limit";
    JdbcClient.StatementSpec statement = visibility.bind(jdbc.sql(sql)).param("offset", offset).param("limit", limit);
    if (state != null) {
      statement = statement.param("state", state.name());
    }
    return statement.query(InspectionStore::visit).list();
  }

  /** Moves a visit from one state to the next; false when it was not in {@code from} any more. */
  public boolean moveVisit(UUID id, VisitState from, VisitState to, String summary, Instant now) {
    String stamp = to == VisitState.IN_PROGRESS ? "started_at" : "completed_at";
    return jdbc.sql("update inspection_visit set state = :to, " + stamp + " = :now,"
            + " summary = coalesce(:summary, summary) where id = :id and state = :from")
        .param("to", to.name()).param("now", Timestamp.from(now)).param("summary", summary).param("id", id)
        .param("from", from.name()).update() == 1;
  }

  static Visit visit(ResultSet rs, int n) throws SQLException {
    return new Visit(rs.getObject("id", UUID.class).toString(), rs.getObject("plan_id", UUID.class).toString(),
        rs.getString("theme"), rs.getString("unit_code"), rs.getString("unit_name"),
        ProblemStore.offset(rs, "planned_at"), VisitState.valueOf(rs.getString("state")),
        ProblemStore.offset(rs, "started_at"), ProblemStore.offset(rs, "completed_at"), rs.getString("summary"),
        rs.getInt("problems_found"));
  }
}
