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

  /** Adds the presences at one visit as candidates, in one insert; a person already one for the entry stays as is. */
  public void propose(UUID investigationId, UUID entryId, String venueCode, List<ScanStore.Presence> presences) {
    if (presences.isEmpty()) {
      return;
    }
    jdbc.sql("""
        insert into copresence_candidate (id, investigation_id, entry_id, person_id, venue_code, first_scan_at,
          last_scan_at, scans, state)
        select gen_random_uuid(), ?, ?, person, ?, first, last, scans, 'PROPOSED'
        from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::int4[]) as u(person, first, last, scans)
        on conflict (investigation_id, entry_id, person_id) do nothing
        """).params(investigationId, entryId, venueCode,
            presences.stream().map(ScanStore.Presence::personId).toArray(UUID[]::new),
            presences.stream().map(p -> p.firstScanAt().toString()).toArray(String[]::new),
            presences.stream().map(p -> p.lastScanAt().toString()).toArray(String[]::new),
            presences.stream().mapToInt(ScanStore.Presence::scans).toArray()).update();
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
