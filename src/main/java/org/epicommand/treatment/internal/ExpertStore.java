package org.epicommand.treatment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code treatment_expert_team} (members as JSON: experts are not persons of the registry)
 * and {@code treatment_case_expert} (a severe or critical case: since when it needs a team, the team,
 * and when the alert went out).
 */
@Repository
public class ExpertStore {

  /** A team as stored; {@code members} is the JSON array. */
  public record TeamRow(UUID id, String name, String jurisdictionCode, String jurisdictionPath, String members,
      OffsetDateTime createdAt) {}

  /** A case that needs (or needed) a team. */
  public record NeedRow(UUID caseId, String jurisdictionCode, String severity, OffsetDateTime neededSince, UUID teamId,
      String teamName,
      String leadExpert, OffsetDateTime assignedAt, OffsetDateTime alertedAt) {}

  private static final String NEED = "select n.case_id, n.jurisdiction_code, n.severity, n.needed_since, n.team_id,"
      + " t.name, n.lead_expert,"
      + " n.assigned_at, n.alerted_at from treatment_case_expert n left join treatment_expert_team t on t.id = n.team_id";

  private final JdbcClient jdbc;

  ExpertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a team; false when the name is taken in the division. */
  public boolean insertTeam(UUID id, String name, String jurisdictionCode, String path, String members, Instant now) {
    return jdbc.sql("insert into treatment_expert_team (id, name, jurisdiction_code, jurisdiction_path, members,"
            + " created_at) values (:id, :name, :code, :path, cast(:members as jsonb), :now) on conflict do nothing")
        .param("id", id).param("name", name).param("code", jurisdictionCode).param("path", path)
        .param("members", members).param("now", HospitalStore.at(now)).update() == 1;
  }

  public Optional<UUID> teamNamed(String jurisdictionCode, String name) {
    return jdbc.sql("select id from treatment_expert_team where jurisdiction_code = :code and name = :name")
        .param("code", jurisdictionCode).param("name", name).query(UUID.class).optional();
  }

  public List<TeamRow> teams(String scopePath) {
    return jdbc.sql("select id, name, jurisdiction_code, jurisdiction_path, members::text, created_at"
            + " from treatment_expert_team where jurisdiction_path like :scope order by name")
        .param("scope", scopePath + "%")
        .query((rs, n) -> new TeamRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
  }

  public Optional<TeamRow> team(UUID id) {
    return jdbc.sql("select id, name, jurisdiction_code, jurisdiction_path, members::text, created_at"
            + " from treatment_expert_team where id = :id").param("id", id)
        .query((rs, n) -> new TeamRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getObject(6, OffsetDateTime.class))).optional();
  }

  /** The case needs a team from {@code since} (kept when it needed one already). */
  public void needed(UUID caseId, String code, String path, String severity, OffsetDateTime since) {
    jdbc.sql("insert into treatment_case_expert (case_id, jurisdiction_code, jurisdiction_path, severity, needed_since)"
            + " values (:caseId, :code, :path, :severity, :since) on conflict (case_id) do update"
            + " set severity = excluded.severity")
        .param("caseId", caseId).param("code", code).param("path", path).param("severity", severity).param("since",
            since).update();
  }

  /** The case no longer needs a team: a wait without one ends (an assigned team stays on record). */
  public void notNeeded(UUID caseId) {
    jdbc.sql("delete from treatment_case_expert where case_id = :caseId and team_id is null")
        .param("caseId", caseId).update();
  }

  /** Assigns (or replaces) the case's team, registering the need when there was none. */
  public void assign(UUID caseId, String code, String path, String severity, UUID teamId, String lead, String by,
      Instant now) {
    jdbc.sql("insert into treatment_case_expert (case_id, jurisdiction_code, jurisdiction_path, severity, needed_since,"
            + " team_id, lead_expert, assigned_at, assigned_by) values (:caseId, :code, :path, :severity, :now, :team,"
            + " :lead, :now, :by)"
            + " on conflict (case_id) do update set team_id = excluded.team_id, lead_expert = excluded.lead_expert,"
            + " assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by")
        .param("caseId", caseId).param("code", code).param("path", path).param("severity", severity)
        .param("team", teamId)
        .param("lead", lead).param("by", by).param("now", HospitalStore.at(now)).update();
  }

  public Optional<NeedRow> need(UUID caseId) {
    return jdbc.sql(NEED + " where n.case_id = :caseId").param("caseId", caseId).query(ExpertStore::need).optional();
  }

  /** Cases waiting without a team inside the scope, longest first. */
  public List<NeedRow> waiting(String scopePath, int limit) {
    return jdbc.sql(NEED + " where n.team_id is null and n.jurisdiction_path like :scope order by n.needed_since"
            + " limit :limit").param("scope", scopePath + "%").param("limit", limit).query(ExpertStore::need).list();
  }

  /** Marks and answers the cases without a team since before {@code before} whose alert has not gone out. */
  public List<NeedRow> markOverdue(OffsetDateTime before, OffsetDateTime now, int limit) {
    List<NeedRow> due = jdbc.sql(NEED
        + " where n.team_id is null and n.alerted_at is null and n.needed_since <= :before"
            + " order by n.needed_since limit :limit for update of n skip locked").param("before", before)
        .param("limit", limit).query(ExpertStore::need).list();
    if (!due.isEmpty()) {
      jdbc.sql("update treatment_case_expert set alerted_at = :now where case_id in (:ids)").param("now", now)
          .param("ids", due.stream().map(NeedRow::caseId).toList()).update();
    }
    return due;
  }

  /** Cases of the scope with a team assigned, latest assignment first. */
  public List<NeedRow> assigned(String scopePath, int limit) {
    return jdbc.sql(NEED + " where n.team_id is not null and n.jurisdiction_path like :scope"
            + " order by n.assigned_at desc limit :limit").param("scope", scopePath + "%").param("limit", limit)
        .query(ExpertStore::need).list();
  }

  /** Adds a line to the case's consultation log under its team. */
  public void insertConsultation(UUID id, UUID caseId, UUID teamId, java.time.LocalDate on, String summary,
      String plan, String path, String by, Instant now) {
    jdbc.sql("insert into treatment_consultation (id, case_id, team_id, consulted_on, summary, plan,"
            + " jurisdiction_path, recorded_by, recorded_at) values (:id, :caseId, :team, :on, :summary, :plan,"
            + " :path, :by, :now)")
        .param("id", id).param("caseId", caseId).param("team", teamId).param("on", on).param("summary", summary)
        .param("plan", plan).param("path", path).param("by", by).param("now", HospitalStore.at(now)).update();
  }

  /** The case's consultation log, newest first. */
  public List<org.epicommand.treatment.Consultation> consultations(UUID caseId) {
    return jdbc.sql("select c.id, c.case_id, c.team_id, t.name, c.consulted_on, c.summary, c.plan, c.recorded_by,"
            + " c.recorded_at from treatment_consultation c join treatment_expert_team t on t.id = c.team_id"
            + " where c.case_id = :caseId order by c.consulted_on desc, c.recorded_at desc limit 500")
        .param("caseId", caseId)
        .query((rs, n) -> new org.epicommand.treatment.Consultation(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, java.time.LocalDate.class), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class))).list();
  }

  private static NeedRow need(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new NeedRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class));
  }
}
