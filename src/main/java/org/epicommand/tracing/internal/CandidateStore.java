package org.epicommand.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.tracing.CopresenceCandidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The copresence_candidate table (person names are added by the caller). */
@Repository
public class CandidateStore {

  private static final String COLUMNS = """
      id, investigation_id, entry_id, person_id, venue_code, first_scan_at, last_scan_at, scans, state, contact_id""";

  private final JdbcClient jdbc;

  CandidateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a candidate unless the person is already one for this entry. */
  public void propose(UUID investigationId, UUID entryId, String venueCode, ScanStore.Presence presence) {
    jdbc.sql("""
        insert into copresence_candidate (id, investigation_id, entry_id, person_id, venue_code, first_scan_at,
          last_scan_at, scans, state)
        values (:id, :inv, :entry, :person, :venue, :first, :last, :scans, 'PROPOSED')
        on conflict (investigation_id, entry_id, person_id) do nothing
        """).param("id", UUID.randomUUID()).param("inv", investigationId).param("entry", entryId)
        .param("person", presence.personId()).param("venue", venueCode).param("first", presence.firstScanAt())
        .param("last", presence.lastScanAt()).param("scans", presence.scans()).update();
  }

  public List<CopresenceCandidate> of(UUID investigationId) {
    return jdbc.sql("select " + COLUMNS + " from copresence_candidate where investigation_id = :i"
        + " order by state desc, first_scan_at, id").param("i", investigationId).query(CandidateStore::candidate).list();
  }

  public Optional<CopresenceCandidate> lock(UUID investigationId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from copresence_candidate where investigation_id = :i and id = :id"
        + " for update").param("i", investigationId).param("id", id).query(CandidateStore::candidate).optional();
  }

  public void decide(UUID id, CopresenceCandidate.State state, UUID contactId, String by, Instant at) {
    jdbc.sql("update copresence_candidate set state = :s, contact_id = :c, decided_by = :by, decided_at = :at"
        + " where id = :id").param("s", state.name()).param("c", contactId).param("by", by)
        .param("at", at.atOffset(ZoneOffset.UTC)).param("id", id).update();
  }

  private static CopresenceCandidate candidate(ResultSet rs, int n) throws SQLException {
    return new CopresenceCandidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null,
        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getInt(8),
        CopresenceCandidate.State.valueOf(rs.getString(9)), rs.getString(10));
  }
}
