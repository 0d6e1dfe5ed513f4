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

  /**
   * Proposes the candidates of every venue visit of an investigation in one statement: persons other
   * than the case scanned at the visit's venue whose presence — from their first to their last scan
   * there, or {@code singleVisit} from a lone scan — overlaps the visit widened by {@code margin} on
   * both sides (a visit without an end lasts {@code singleVisit}). Scans from up to 12 h before the
   * widened visit are read, so a presence that began before it is seen whole. Proposed candidates stay.
   * Returns the number of candidates proposed now.
   */
  public int proposeAll(UUID investigationId, UUID exceptPerson, java.time.Duration margin,
      java.time.Duration singleVisit) {
    return jdbc.sql("""
        insert into copresence_candidate (id, investigation_id, entry_id, person_id, venue_code, first_scan_at,
          last_scan_at, scans, state)
        select gen_random_uuid(), e.investigation_id, e.id, p.person_id, v.code, p.first_at, p.last_at, p.scans,
          'PROPOSED'
        from trajectory_entry e
        join venue v on v.code = e.venue_code
        cross join lateral (select e.from_at - make_interval(secs => :margin) as from_at,
            coalesce(e.to_at, e.from_at + make_interval(secs => :visit)) + make_interval(secs => :margin) as to_at) w
        cross join lateral (
          select s.person_id, min(s.scanned_at) as first_at, max(s.scanned_at) as last_at, count(*)::int as scans
          from venue_scan s
          where s.venue_id = v.id and s.scanned_at >= w.from_at - interval '12 hours' and s.scanned_at <= w.to_at
            and s.person_id <> :except
          group by s.person_id
          having min(s.scanned_at) <= w.to_at
             and (case when count(*) = 1 then min(s.scanned_at) + make_interval(secs => :visit)
                  else max(s.scanned_at) end) >= w.from_at) p
        where e.investigation_id = :investigation and e.venue_code is not null
        on conflict (investigation_id, entry_id, person_id) do nothing
        """).param("investigation", investigationId).param("except", exceptPerson)
        .param("margin", (double) margin.toSeconds()).param("visit", (double) singleVisit.toSeconds()).update();
  }

  public int count(UUID investigationId) {
    return jdbc.sql("select count(*)::int from copresence_candidate where investigation_id = :i")
        .param("i", investigationId).query(Integer.class).single();
  }

  public List<CopresenceCandidate> of(UUID investigationId) {
    return jdbc.sql("select " + COLUMNS + " from copresence_candidate where investigation_id = :i"
        + " order by state desc, first_scan_at, id").param("i", investigationId).query(CandidateStore::candidate)
            .list();
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
        CopresenceCandidate.State.valueOf(rs.getString(9)), rs.getString(10), false);
  }
}
