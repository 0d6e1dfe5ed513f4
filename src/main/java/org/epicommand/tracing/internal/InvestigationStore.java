package org.epicommand.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.tracing.InvestigationState;
import org.epicommand.tracing.TrajectoryEntry;
import org.epicommand.tracing.TransportMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The investigation and trajectory_entry tables. */
@Repository
public class InvestigationStore {

  /** An investigation as stored. */
  public record Row(UUID id, UUID caseId, UUID casePersonId, String caseLabel, String jurisdictionCode,
      String jurisdictionPath, String classification, LocalDate onsetDate, LocalDate samplingDate,
      OffsetDateTime caseReportedAt, String investigator, InvestigationState state, OffsetDateTime coreDueAt,
      OffsetDateTime reportDueAt, OffsetDateTime coreDoneAt, OffsetDateTime completedAt, OffsetDateTime reviewedAt,
      String reviewedBy) {}

  /** Which overdue list. */
  public enum Overdue { CORE, REPORT }

  private static final String COLUMNS = """
      i.id, i.case_id, i.case_person_id, i.case_label, i.jurisdiction_code, i.jurisdiction_path, i.classification,
      i.onset_date, i.sampling_date, i.case_reported_at, i.investigator, i.state, i.core_due_at, i.report_due_at,
      i.core_done_at, i.completed_at, i.reviewed_at, i.reviewed_by""";

  private final JdbcClient jdbc;

  InvestigationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts unless the case already has one; true when inserted. */
  public boolean insert(Row row, Instant now, String by) {
    return jdbc.sql("""
        insert into investigation (id, case_id, case_person_id, case_label, jurisdiction_code, jurisdiction_path,
          classification, onset_date, sampling_date, case_reported_at, investigator, state, core_due_at, report_due_at,
          created_at, created_by)
        values (:id, :caseId, :personId, :label, :code, :path, :classification, :onset, :sampling, :reportedAt,
          :investigator, :state, :coreDue, :reportDue, :now, :by)
        on conflict (case_id) do nothing
        """).param("id", row.id()).param("caseId", row.caseId()).param("personId", row.casePersonId())
        .param("label", row.caseLabel()).param("code", row.jurisdictionCode()).param("path", row.jurisdictionPath())
        .param("classification", row.classification()).param("onset", row.onsetDate())
        .param("sampling", row.samplingDate()).param("reportedAt", row.caseReportedAt())
        .param("investigator", row.investigator()).param("state", row.state().name())
        .param("coreDue", row.coreDueAt()).param("reportDue", row.reportDueAt())
        .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("by", by).update() == 1;
  }

  public Optional<Row> find(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from investigation i where i.id = :id and "
        + scope.predicate("i.jurisdiction_path")).param("id", id)).query(InvestigationStore::row).optional();
  }

  public Optional<Row> lock(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from investigation i where i.id = :id and "
        + scope.predicate("i.jurisdiction_path") + " for update").param("id", id)).query(InvestigationStore::row)
        .optional();
  }

  public Optional<Row> findByCase(UUID caseId) {
    return jdbc.sql("select " + COLUMNS + " from investigation i where i.case_id = :id").param("id", caseId)
        .query(InvestigationStore::row).optional();
  }

  public void assign(UUID id, String investigator) {
    jdbc.sql("update investigation set investigator = :who where id = :id").param("who", investigator)
        .param("id", id).update();
  }

  public void samplingDate(UUID id, LocalDate date) {
    jdbc.sql("update investigation set sampling_date = :d where id = :id").param("d", date).param("id", id).update();
  }

  public void onsetAndClassification(UUID caseId, LocalDate onset, String classification) {
    jdbc.sql("update investigation set onset_date = coalesce(onset_date, :onset), classification = :c"
        + " where case_id = :id").param("onset", onset).param("c", classification).param("id", caseId).update();
  }

  public void move(UUID id, InvestigationState to, Instant at, String by) {
    String column = switch (to) {
      case CORE_DONE -> "core_done_at";
      case COMPLETE -> "completed_at";
      case REVIEWED -> "reviewed_at";
      case ASSIGNED -> throw new IllegalArgumentException("no move back to ASSIGNED");
    };
    jdbc.sql("update investigation set state = :state, " + column + " = :at"
        + (to == InvestigationState.REVIEWED ? ", reviewed_by = :by" : "") + " where id = :id")
        .param("state", to.name()).param("at", at.atOffset(java.time.ZoneOffset.UTC)).param("by", by)
        .param("id", id).update();
  }

  /** The investigator's open investigations (not yet reviewed), the most urgent report first. */
  public List<Row> mine(String investigator, long offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from investigation i where i.investigator = :who"
        + " and i.state <> 'REVIEWED' order by i.report_due_at, i.id offset :o limit :l").param("who", investigator)
        .param("o", offset).param("l", limit).query(InvestigationStore::row).list();
  }

  /** Past their core (still ASSIGNED) or full-report (not yet COMPLETE) deadline, most overdue first. */
  public List<Row> overdue(Overdue which, JurisdictionScope scope, Instant now, long offset, int limit) {
    String condition = which == Overdue.CORE ? "i.state = 'ASSIGNED' and i.core_due_at < :now"
        : "i.state in ('ASSIGNED', 'CORE_DONE') and i.report_due_at < :now";
    String order = which == Overdue.CORE ? "i.core_due_at" : "i.report_due_at";
    return scope.bind(jdbc.sql("select " + COLUMNS + " from investigation i where " + condition + " and "
        + scope.predicate("i.jurisdiction_path") + " order by " + order + ", i.id offset :o limit :l")
        .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("o", offset).param("l", limit))
        .query(InvestigationStore::row).list();
  }

  /** Investigations in scope, newest case report first. */
  public List<Row> list(JurisdictionScope scope, long offset, int limit) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from investigation i where "
        + scope.predicate("i.jurisdiction_path") + " order by i.jurisdiction_path, i.case_reported_at desc"
        + " offset :o limit :l").param("o", offset).param("l", limit)).query(InvestigationStore::row).list();
  }

  public void insertEntry(TrajectoryEntry e, Instant now, String by) {
    jdbc.sql("""
        insert into trajectory_entry (id, investigation_id, venue_code, place, address, jurisdiction_code, from_at,
          to_at, activity, transport_mode, transport_number, seat, created_at, created_by)
        values (:id, :inv, :venue, :place, :address, :code, :from, :to, :activity, :mode, :number, :seat, :now, :by)
        """).param("id", UUID.fromString(e.id())).param("inv", UUID.fromString(e.investigationId()))
        .param("venue", e.venueCode()).param("place", e.place()).param("address", e.address())
        .param("code", e.jurisdictionCode()).param("from", e.fromAt()).param("to", e.toAt())
        .param("activity", e.activity()).param("mode", e.transportMode() == null ? null : e.transportMode().name())
        .param("number", e.transportNumber()).param("seat", e.seat())
        .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("by", by).update();
  }

  public List<TrajectoryEntry> entries(UUID investigationId) {
    return jdbc.sql("""
        select id, investigation_id, venue_code, place, address, jurisdiction_code, from_at, to_at, activity,
          transport_mode, transport_number, seat
        from trajectory_entry where investigation_id = :id order by from_at, id
        """).param("id", investigationId).query((rs, n) -> new TrajectoryEntry(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
            rs.getObject(8, OffsetDateTime.class), rs.getString(9),
            rs.getString(10) == null ? null : TransportMode.valueOf(rs.getString(10)), rs.getString(11),
            rs.getString(12))).list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
        rs.getObject(9, LocalDate.class), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
        InvestigationState.valueOf(rs.getString(12)), rs.getObject(13, OffsetDateTime.class),
        rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class),
        rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class), rs.getString(18));
  }
}
