package org.epicommand.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.internal.AccountDuties;
import org.epicommand.account.internal.CachingAuthenticationProvider;
import org.epicommand.account.internal.GrantAccess;
import org.epicommand.account.internal.UserAccess;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass: the security administrator gives a staff account a temporary extra role in a
 * division, with a reason and an end at most {@code epicommand.account.grant-max-duration} (72 h)
 * away. For its duration the account works in that division (its scope); at the end the role goes
 * by itself. Granting and revoking end the account's sessions (it signs in again with the new
 * picture), are audited, and every grant stays on the auditor's page.
 */
@Service
public class RoleGrants {

  /** Where a grant stands. */
  public enum State { ACTIVE, ENDED, REVOKED }

  /** A grant as the API and the pages show it. */
  public record GrantView(String id, String username, Role role, String jurisdictionCode, String jurisdictionName,
      String reason, Instant startsAt, Instant endsAt, String grantedBy, Instant revokedAt, String revokedBy,
      State state) {}

  private static final int MAX_REASON = 500;

  private final GrantAccess grants;
  private final UserAccess users;
  private final AccountDuties duties;
  private final Jurisdictions jurisdictions;
  private final CachingAuthenticationProvider logins;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration maxDuration;

  RoleGrants(GrantAccess grants, UserAccess users, AccountDuties duties, Jurisdictions jurisdictions,
      CachingAuthenticationProvider logins, AuditTrail audit, Clock clock,
      @Value("${epicommand.account.grant-max-duration:72h}") Duration maxDuration) {
    this.grants = grants;
    this.users = users;
    this.duties = duties;
    this.jurisdictions = jurisdictions;
    this.logins = logins;
    this.audit = audit;
    this.clock = clock;
    this.maxDuration = maxDuration;
  }

  /** The longest a temporary role may last. */
  public Duration maxDuration() {
    return maxDuration;
  }

  @Transactional
  public GrantView grant(String username, Role role, String jurisdictionCode, String reason, OffsetDateTime until) {
    Instant now = clock.instant();
    List<FieldProblem> problems = new ArrayList<>();
    UserAccess.StoredUser target = username == null ? null : users.findByUsername(username.strip()).orElse(null);
    if (target == null) {
      problems.add(FieldProblem.of("username", "grant.username"));
    } else if (target.administrator()) {
      problems.add(FieldProblem.of("username", "grant.administrator"));
    }
    if (role == null || role.administrator()) {
      problems.add(FieldProblem.of("role", "grant.role"));
    }
    if (jurisdictionCode == null || jurisdictions.find(jurisdictionCode.strip()).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
      problems.add(FieldProblem.of("reason", "grant.reason", MAX_REASON));
    }
    if (until == null || !until.toInstant().isAfter(now) || until.toInstant().isAfter(now.plus(maxDuration))) {
      problems.add(FieldProblem.of("until", "grant.until", maxDuration.toHours()));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    duties.mayManageAccess(target);
    grants.active(target.id(), now).stream().findFirst().ifPresent(active -> {
      throw Conflict.duplicate("grant.active", active.id().toString());
    });
    UUID id = UUID.randomUUID();
    String division = jurisdictions.find(jurisdictionCode.strip()).map(Jurisdiction::code).orElseThrow();
    grants.insert(id, target.id(), role, division, reason.strip(), now, until.toInstant(), duties.caller());
    users.touch(target.id(), now);
    logins.forget(target.username());
    audit.record(AuditAction.CREATE, "ROLE_GRANT", id.toString(), "user=" + target.username() + " role=" + role
        + " jurisdiction=" + division + " until=" + until.toInstant() + " reason=" + reason.strip());
    return view(grants.find(id).orElseThrow());
  }

  /** Ends a grant early. */
  @Transactional
  public GrantView revoke(UUID id) {
    GrantAccess.StoredGrant grant = grants.find(id).orElseThrow(() -> new RecordNotFound("grant"));
    UserAccess.StoredUser holder = users.findById(grant.userId()).orElseThrow(() -> new RecordNotFound("user"));
    duties.mayManageAccess(holder);
    Instant now = clock.instant();
    if (!grants.revoke(id, now, duties.caller())) {
      throw Conflict.of("grant.revoked");
    }
    users.touch(holder.id(), now);
    logins.forget(holder.username());
    audit.record(AuditAction.UPDATE, "ROLE_GRANT", id.toString(), "user=" + holder.username() + " role="
        + grant.role() + " revoked");
    return view(grants.find(id).orElseThrow());
  }

  /** Every grant, newest first; {@code username} narrows to one account. */
  public PageResult<GrantView> list(String username, Paging paging) {
    String holder = username == null || username.isBlank() ? null : username.strip();
    List<GrantView> rows = grants.page(holder, paging.offset(), paging.fetchSize()).stream().map(this::view).toList();
    return paging.toResult(rows, null);
  }

  private GrantView view(GrantAccess.StoredGrant grant) {
    Instant now = clock.instant();
    State state = grant.revokedAt() != null ? State.REVOKED : grant.activeAt(now) ? State.ACTIVE : State.ENDED;
    String name = jurisdictions.find(grant.jurisdictionCode()).map(Jurisdiction::name).orElse(null);
    return new GrantView(grant.id().toString(), grant.username(), grant.role(), grant.jurisdictionCode(), name,
        grant.reason(), grant.startsAt(), grant.endsAt(), grant.grantedBy(), grant.revokedAt(), grant.revokedBy(),
        state);
  }
}
