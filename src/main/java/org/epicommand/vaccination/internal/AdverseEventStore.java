package org.epicommand.vaccination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.vaccination.AefiOutcome;
import org.epicommand.vaccination.AefiSeverity;
import org.epicommand.vaccination.AefiState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Adverse events following immunization ({@code vaccination_adverse_event}). */
@Repository
public class AdverseEventStore {

  /** A stored event and where its person lives. */
  public record Row(UUID id, UUID doseId, UUID personId, String path, Instant onsetAt, String symptoms,
      AefiSeverity severity, AefiOutcome outcome, AefiState state, String recordedBy, Instant recordedAt,
      Instant reportDueAt, Instant reportedAt, Instant closedAt) {}

  private final JdbcClient jdbc;

  AdverseEventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql("select * from vaccination_adverse_event where id = ?").params(id).query((rs, n) -> map(rs))
        .optional();
  }

  public List<Row> ofPerson(UUID person) {
    return jdbc.sql("select * from vaccination_adverse_event where person_id = ? order by onset_at desc")
        .params(person).query((rs, n) -> map(rs)).list();
  }

  /** Events inside the scope, latest first; {@code state} null: all; {@code overdueAt}: only those not reported by
   * then. */
  public List<Row> list(JurisdictionScope scope, AefiState state, Instant overdueAt, long offset, int limit) {
    return scope.bind(jdbc.sql("select * from vaccination_adverse_event where " + scope.predicate("jurisdiction_path")
        + (state == null ? "" : " and state = :state")
        + (overdueAt == null ? "" : " and state = 'RECORDED' and report_due_at < :at")
        + " order by recorded_at desc, id offset :offset limit :limit"))
        .param("state", state == null ? null : state.name()).param("at", MasterRows.utc(overdueAt))
        .param("offset", offset).param("limit", limit).query((rs, n) -> map(rs)).list();
  }

  public void insert(Row r) {
    jdbc.sql("""
        insert into vaccination_adverse_event (id, dose_id, person_id, jurisdiction_path, onset_at, symptoms, severity,
          outcome, state, recorded_by, recorded_at, report_due_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'RECORDED', ?, ?, ?)
        """).params(r.id(), r.doseId(), r.personId(), r.path(), MasterRows.utc(r.onsetAt()), r.symptoms(),
            r.severity().name(), r.outcome().name(), r.recordedBy(), MasterRows.utc(r.recordedAt()),
            MasterRows.utc(r.reportDueAt())).update();
  }

  public void reported(UUID id, String by, Instant at) {
    jdbc.sql("update vaccination_adverse_event set state = 'REPORTED', reported_by = ?, reported_at = ? where id = ?")
        .params(by, MasterRows.utc(at), id).update();
  }

  public void closed(UUID id, AefiOutcome outcome, String by, Instant at) {
    jdbc.sql("""
        update vaccination_adverse_event set state = 'CLOSED', outcome = ?, closed_by = ?, closed_at = ? where id = ?
        """).params(outcome.name(), by, MasterRows.utc(at), id).update();
  }

  private static Row map(ResultSet rs) throws SQLException {
    return new Row(rs.getObject("id", UUID.class), rs.getObject("dose_id", UUID.class),
        rs.getObject("person_id", UUID.class), rs.getString("jurisdiction_path"),
        rs.getObject("onset_at", OffsetDateTime.class).toInstant(), rs.getString("symptoms"),
        AefiSeverity.valueOf(rs.getString("severity")), AefiOutcome.valueOf(rs.getString("outcome")),
        AefiState.valueOf(rs.getString("state")), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getObject("report_due_at", OffsetDateTime.class).toInstant(),
        MasterRows.instant(rs.getObject("reported_at", OffsetDateTime.class)),
        MasterRows.instant(rs.getObject("closed_at", OffsetDateTime.class)));
  }
}
