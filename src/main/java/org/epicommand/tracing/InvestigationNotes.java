package org.epicommand.tracing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on investigations: the platform puts one on every open investigation (not yet reviewed) inside a division
 * when something there bears on the cases — an environmental sample found positive ("environment exposure") — once
 * per investigation and source; the investigator reads them on the investigation (404 outside the reach).
 */
@Service
public class InvestigationNotes {

  public static final String ENVIRONMENT_EXPOSURE = "ENVIRONMENT_EXPOSURE";
  static final String SUBJECT = "INVESTIGATION_NOTE";

  private final JdbcClient jdbc;
  private final Investigations investigations;
  private final AuditTrail audit;
  private final Clock clock;

  InvestigationNotes(JdbcClient jdbc, Investigations investigations, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.investigations = investigations;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Puts the note on every open investigation whose case lies inside {@code division} (once per {@code sourceKey}),
   * as the platform ({@code by}); how many got it.
   */
  @Transactional
  public int noteOpenInvestigations(JurisdictionScope division, String kind, String subject, String reference,
      OffsetDateTime observedAt, String sourceKey, String by) {
    List<UUID> noted = division.bind(jdbc.sql("""
        insert into investigation_note (id, investigation_id, kind, subject, reference, observed_at, source_key,
          created_at, created_by)
        select gen_random_uuid(), i.id, :kind, :subject, :reference, :observed, :source, :now, :by
        from investigation i
        where i.state <> 'REVIEWED' and\s""" + division.predicate("i.jurisdiction_path") + """

        on conflict (investigation_id, source_key) do nothing returning investigation_id"""))
        .param("kind", kind).param("subject", subject).param("reference", reference)
        .param("observed", observedAt).param("source", sourceKey).param("now", OffsetDateTime.now(clock))
        .param("by", by).query(UUID.class).list();
    noted.forEach(id -> audit.recordAs(by, AuditAction.UPDATE, Investigations.SUBJECT, id.toString(),
        "note " + kind + " " + sourceKey));
    return noted.size();
  }

  /** The notes of an investigation inside the caller's reach (404 otherwise), newest first. */
  public List<InvestigationNote> of(UUID investigationId) {
    investigations.get(investigationId);
    return jdbc.sql("select id, kind, subject, reference, observed_at, created_at from investigation_note"
        + " where investigation_id = ? order by created_at desc, id limit 200").params(investigationId)
        .query((rs, n) -> new InvestigationNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class))).list();
  }
}
