package org.epicommand.tipoff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.tipoff.ConcealmentCase;
import org.epicommand.tipoff.ConcealmentState;
import org.epicommand.tipoff.TipOff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code concealment_case} and {@code concealment_case_file} tables. A caller sees the cases of its jurisdiction
 * ({@code jurisdiction_path}); anything else is not found.
 */
@Repository
public class ConcealmentStore {

  public static final String SUBJECT = "CONCEALMENT_CASE";

  /** A new case's row. */
  public record Insert(UUID id, ConcealmentState state, ConcealmentCase.Source source, UUID sourceId,
      String sourceReference, UUID tipOffId, UUID personId, String subjectName, TipOff.Concealed concealed,
      String evidence, String jurisdictionCode, String jurisdictionName, String jurisdictionPath, Instant openedAt,
      String openedBy, TipOff.ReferredTo referredTo, String legalBasis) {}

  private static final String COLUMNS = """
      c.id, c.state, c.source, c.source_id, c.source_reference, c.tipoff_id, c.person_id, c.subject_name, c.concealed,
      c.evidence, c.jurisdiction_code, c.jurisdiction_name, c.opened_at, c.opened_by, c.referred_to, c.legal_basis,
      c.referred_at, c.referred_by, c.outcome, c.decided_on, c.decision_note, c.closed_at, c.closed_by, c.close_note
      from concealment_case c""";

  private final JdbcClient jdbc;

  ConcealmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a case; false when an investigation's concealment of that kind has its case already. */
  public boolean insert(Insert row) {
    return jdbc.sql("""
        insert into concealment_case (id, state, source, source_id, source_reference, tipoff_id, person_id,
          subject_name, concealed, evidence, jurisdiction_code, jurisdiction_name, jurisdiction_path, opened_at,
          opened_by, referred_to, legal_basis, referred_at, referred_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (source_id, concealed) where source = 'INVESTIGATION' do nothing""")
        .params(row.id(), row.state().name(), row.source().name(), row.sourceId(), row.sourceReference(),
            row.tipOffId(), row.personId(), row.subjectName(), row.concealed().name(), row.evidence(),
            row.jurisdictionCode(), row.jurisdictionName(), row.jurisdictionPath(), Timestamp.from(row.openedAt()),
            row.openedBy(), row.referredTo() == null ? null : row.referredTo().name(), row.legalBasis(),
            row.referredTo() == null ? null : Timestamp.from(row.openedAt()),
            row.referredTo() == null ? null : row.openedBy()).update() == 1;
  }

  /** A case the caller may see, with its evidence's files (404 otherwise). */
  public ConcealmentCase find(UUID id, JurisdictionScope scope) {
    ConcealmentCase found = scope.bind(jdbc.sql("select " + COLUMNS + " where c.id = :id and "
        + scope.predicate("c.jurisdiction_path"))).param("id", id).query((rs, n) -> row(rs)).optional()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
    return found.withFiles(files(id));
  }

  /** The case of a tip-off (its referral), if it has one. */
  public Optional<UUID> ofTipOff(UUID tipOffId) {
    return jdbc.sql("select id from concealment_case where tipoff_id = ?").param(tipOffId).query(UUID.class)
        .optional();
  }

  /** The case of an investigation's concealment of one kind, if it has one. */
  public Optional<UUID> ofInvestigation(UUID investigationId, TipOff.Concealed concealed) {
    return jdbc.sql("select id from concealment_case where source = 'INVESTIGATION' and source_id = ?"
        + " and concealed = ?").params(investigationId, concealed.name()).query(UUID.class).optional();
  }

  /** The cases inside {@code within} in the states given, the newest first. */
  public List<ConcealmentCase> list(JurisdictionScope within, List<ConcealmentState> states, Paging paging) {
    return within.bind(jdbc.sql("select " + COLUMNS + " where " + within.predicate("c.jurisdiction_path")
        + " and c.state = any(:states) order by c.opened_at desc, c.id limit :limit offset :offset"))
        .param("states", states.stream().map(Enum::name).toArray(String[]::new))
        .param("limit", paging.fetchSize()).param("offset", paging.offset()).query((rs, n) -> row(rs)).list();
  }

  /** The moves of a case the caller may see, its row locked (404 otherwise). */
  public ConcealmentLifecycle lock(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select c.state from concealment_case c where c.id = :id and "
        + scope.predicate("c.jurisdiction_path") + " for update")).param("id", id)
        .query((rs, n) -> new ConcealmentLifecycle(ConcealmentState.valueOf(rs.getString(1)))).optional()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  public void refer(UUID id, ConcealmentCase.Referral referral, Instant at, String by) {
    jdbc.sql("""
        update concealment_case set state = 'REFERRED', referred_to = ?, legal_basis = ?, referred_at = ?,
          referred_by = ? where id = ?""").params(referral.referredTo().name(), referral.legalBasis(),
        Timestamp.from(at), by, id).update();
  }

  public void decide(UUID id, TipOff.Decision decision) {
    jdbc.sql("""
        update concealment_case set state = 'DECIDED', outcome = ?, decided_on = ?, decision_note = ?
        where id = ?""").params(decision.outcome().name(), decision.decidedOn(), decision.note(), id).update();
  }

  public void close(UUID id, String note, Instant at, String by) {
    jdbc.sql("update concealment_case set state = 'CLOSED', close_note = ?, closed_at = ?, closed_by = ? where id = ?")
        .params(note, Timestamp.from(at), by, id).update();
  }

  /** The files of a case's evidence, oldest first. */
  public List<TipOff.EvidenceFile> files(UUID caseId) {
    return jdbc.sql("select id, file_name, content_type, size, uploaded_at, uploaded_by from concealment_case_file"
        + " where case_id = ? order by uploaded_at, id").param(caseId)
        .query((rs, n) -> new TipOff.EvidenceFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getLong(4), rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
  }

  public void insertFile(UUID id, UUID caseId, String fileName, String contentType, long size, String sha256,
      Instant at, String by) {
    jdbc.sql("insert into concealment_case_file (id, case_id, file_name, content_type, size, sha256, uploaded_at,"
        + " uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)").params(id, caseId, fileName, contentType, size, sha256,
        Timestamp.from(at), by).update();
  }

  private static ConcealmentCase row(ResultSet rs) throws SQLException {
    return new ConcealmentCase(rs.getObject(1, UUID.class), ConcealmentState.valueOf(rs.getString(2)),
        ConcealmentCase.Source.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
        rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8),
        TipOff.Concealed.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), ts(rs, 13),
        rs.getString(14), rs.getString(15) == null ? null : TipOff.ReferredTo.valueOf(rs.getString(15)),
        rs.getString(16), ts(rs, 17), rs.getString(18),
        rs.getString(19) == null ? null : TipOff.ReferralOutcome.valueOf(rs.getString(19)),
        rs.getObject(20, LocalDate.class), rs.getString(21), ts(rs, 22), rs.getString(23), rs.getString(24), null);
  }

  private static Instant ts(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
