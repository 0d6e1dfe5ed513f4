package org.epicommand.keygroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.keygroup.internal.FollowUpItem;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-ups of positive environmental samples inside the caller's jurisdiction: the site closed, disinfected
 * with the exposed persons traced, closed after a negative re-sample. The moves are the aggregate's
 * ({@link FollowUpItem}: 409 naming the current state); each is audited.
 */
@Service
public class EnvironmentFollowUps {

  static final String SUBJECT = "ENV_FOLLOW_UP";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  EnvironmentFollowUps(JdbcClient jdbc, Organisations organisations, CurrentUser currentUser, AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The follow-ups inside the reach, open ones first (closed ones too when asked), newest first. */
  public PageResult<FollowUp> list(boolean withClosed, Paging paging) {
    JurisdictionScope scope = reach();
    return paging.toResult(scope.bind(jdbc.sql(SELECT + " where " + scope.predicate("f.jurisdiction_path")
        + (withClosed ? "" : " and f.state <> 'CLOSED'")
        + " order by f.opened_at desc, f.id offset :offset limit :limit"))
        .param("offset", paging.offset()).param("limit", paging.fetchSize()).query(EnvironmentFollowUps::row).list(),
        null);
  }

  public FollowUp get(UUID id) {
    JurisdictionScope scope = reach();
    return scope.bind(jdbc.sql(SELECT + " where f.id = :id and " + scope.predicate("f.jurisdiction_path")))
        .param("id", id).query(EnvironmentFollowUps::row).optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  @Transactional
  public FollowUp closeSite(UUID id, FollowUpStep step) {
    FollowUp stored = get(id);
    FollowUpItem item = item(stored);
    item.closeSite(clock.instant());
    return save(item, step, "site closed");
  }

  @Transactional
  public FollowUp disinfected(UUID id, FollowUpStep step) {
    FollowUp stored = get(id);
    if (step == null || step.tracedPersons() == null || step.tracedPersons() < 0 || step.tracedPersons() > 100_000) {
      if (stored.state() == FollowUpState.SITE_CLOSED) {
        throw new ValidationFailure(FieldProblem.of("tracedPersons", "keygroup.followUp.traced"));
      }
    }
    FollowUpItem item = item(stored);
    item.disinfected(step == null ? null : step.tracedPersons(), clock.instant());
    return save(item, step, "disinfected, " + item.tracedPersons() + " persons traced");
  }

  /** Closes a follow-up: needs a negative sample of the site collected after the disinfection (409 otherwise). */
  @Transactional
  public FollowUp close(UUID id, FollowUpStep step) {
    FollowUp stored = get(id);
    FollowUpItem item = item(stored);
    Instant negative = jdbc.sql("select max(collected_at) from keygroup_env_sample where site_id = ?::uuid"
            + " and result = 'NEGATIVE'").params(stored.siteId()).query(OffsetDateTime.class).optional()
        .map(OffsetDateTime::toInstant).orElse(null);
    item.close(negative, clock.instant());
    return save(item, step, "closed");
  }

  private FollowUp save(FollowUpItem item, FollowUpStep step, String detail) {
    String note = step == null || step.note() == null || step.note().isBlank() ? null : step.note().strip();
    if (note != null && note.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "keygroup.followUp.note"));
    }
    jdbc.sql("""
        update keygroup_env_followup set state = ?, site_closed_at = ?, disinfected_at = ?, traced_persons = ?,
          closed_at = ?, note = coalesce(?, note), updated_at = ? where id = ?
        """).params(item.state().name(), at(item.siteClosedAt()), at(item.disinfectedAt()), item.tracedPersons(),
            at(item.closedAt()), note, OffsetDateTime.now(clock), item.id()).update();
    audit.record(AuditAction.UPDATE, SUBJECT, item.id().toString(), detail);
    return get(item.id());
  }

  private static FollowUpItem item(FollowUp f) {
    return new FollowUpItem(UUID.fromString(f.id()), f.state(), f.siteClosedAt(), f.disinfectedAt(),
        f.tracedPersons(), f.closedAt());
  }

  private OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, clock.getZone());
  }

  private JurisdictionScope reach() {
    return organisations.scopeOf(currentUser.get());
  }

  private static final String SELECT = "select f.id, f.sample_id, e.barcode, f.site_id, s.name, f.state, f.opened_at,"
      + " f.site_closed_at, f.disinfected_at, f.traced_persons, f.closed_at, f.note from keygroup_env_followup f"
      + " join keygroup_env_sample e on e.id = f.sample_id join keygroup_env_site s on s.id = f.site_id";

  private static FollowUp row(ResultSet rs, int n) throws SQLException {
    return new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        FollowUpState.valueOf(rs.getString(6)), instant(rs, 7), instant(rs, 8), instant(rs, 9),
        rs.getObject(10, Integer.class), instant(rs, 11), rs.getString(12));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
