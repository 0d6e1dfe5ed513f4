package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.vaccination.MasterStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every kind of vaccination master data does alike, on its table: retire and take back into
 * service (a move from the other state only, else 409 naming the state; audited), and mark the import
 * line that last wrote a record (a code twice in one file is then seen).
 */
@Component
public class MasterRows {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  MasterRows(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Retires the record ({@code retire}) or takes it back into service; {@code retiredNow}: its state now. */
  public void move(MasterKind kind, String code, boolean retiredNow, boolean retire) {
    if (retiredNow == retire) {
      throw retire ? Conflict.illegalTransition(kind.key("alreadyRetired"), MasterStatus.RETIRED)
          : Conflict.illegalTransition(kind.key("alreadyActive"), MasterStatus.ACTIVE);
    }
    Instant now = clock.instant();
    jdbc.sql("update " + kind.table + " set retired_at = :at, updated_at = :now where code = :code")
        .param("at", retire ? utc(now) : null).param("now", utc(now)).param("code", code).update();
    audit.record(AuditAction.UPDATE, kind.subject, code, retire ? "retired" : "back in service");
  }

  public void stamp(MasterKind kind, String code, UUID importId, int line) {
    jdbc.sql("update " + kind.table + " set source_import_id = :importId, source_line = :line where code = :code")
        .param("importId", importId).param("line", line).param("code", code).update();
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  public static MasterStatus status(Instant retiredAt) {
    return retiredAt == null ? MasterStatus.ACTIVE : MasterStatus.RETIRED;
  }
}
