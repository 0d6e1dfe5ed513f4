package org.epicommand.lockdown;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.lockdown.OutingPass.Status;
import org.epicommand.lockdown.internal.AreaLifecycle;
import org.epicommand.lockdown.internal.AreaStore;
import org.epicommand.person.Household;
import org.epicommand.person.PersonLookup;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outing passes (出入证) of the households of an ACTIVE area: a number, a purpose, days of validity and
 * a number of outings. A post checks a number — VALID, EXPIRED or INVALID (unknown, outside the
 * caller's jurisdiction, revoked, used up, not yet valid) — and lets a valid one out, which uses one
 * outing. Every check is in the gate log and audited.
 */
@Service
public class OutingPasses {

  static final String SUBJECT = "LOCKDOWN_PASS";
  private static final String COLUMNS = """
      p.id, p.number, p.area_id, a.name, p.household_id, p.address, p.purpose, p.valid_from, p.valid_to, p.outings,
      p.used, p.state, p.issued_at""";
  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AreaStore areas;
  private final PersonLookup persons;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  OutingPasses(AreaStore areas, PersonLookup persons, JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit,
      Clock clock) {
    this.areas = areas;
    this.persons = persons;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Issues a pass to a household of the area (ACTIVE: 409 naming the state otherwise). */
  @Transactional
  public OutingPass issue(UUID areaId, OutingPass.New request) {
    UserContext user = currentUser.get();
    AreaStore.Row area = areas.get(areaId, user.scope());
    List<FieldProblem> problems = new ArrayList<>();
    Household household = ServiceRequests.household(area, request == null ? null : request.householdId(),
        user.scope(), persons, problems);
    if (request == null || request.purpose() == null) {
      problems.add(FieldProblem.of("purpose", "lockdown.pass.purpose"));
    }
    if (request == null || request.validFrom() == null) {
      problems.add(FieldProblem.of("validFrom", "lockdown.required"));
    }
    if (request == null || request.validTo() == null) {
      problems.add(FieldProblem.of("validTo", "lockdown.required"));
    } else if (request.validFrom() != null && (request.validTo().isBefore(request.validFrom())
        || request.validTo().isAfter(request.validFrom().plusDays(30)))) {
      problems.add(FieldProblem.of("validTo", "lockdown.pass.window"));
    }
    int outings = request == null || request.outings() == null ? 1 : request.outings();
    if (outings < 1 || outings > 60) {
      problems.add(FieldProblem.of("outings", "lockdown.pass.outings"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    new AreaLifecycle(area.state()).requireActive();
    UUID id = UUID.randomUUID();
    String number = number();
    jdbc.sql("""
        insert into lockdown_pass (id, number, area_id, household_id, address, purpose, valid_from, valid_to, outings,
          used, state, jurisdiction_path, issued_at, issued_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'ACTIVE', ?, ?, ?)""")
        .params(id, number, areaId, household.id(), household.address(), request.purpose().name(),
            request.validFrom(), request.validTo(), outings, household.jurisdictionPath(),
            Timestamp.from(clock.instant()), user.username()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), number);
    return find(number, user.scope()).orElseThrow();
  }

  /** The passes of an area inside the caller's jurisdiction, newest first. */
  public List<OutingPass> of(UUID areaId) {
    JurisdictionScope scope = currentUser.get().scope();
    areas.get(areaId, scope);
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_pass p join lockdown_area a on a.id = p.area_id"
        + " where p.area_id = :area and " + scope.predicate("p.jurisdiction_path")
        + " order by p.issued_at desc limit 500")).param("area", areaId).query((rs, n) -> pass(rs)).list();
  }

  /** Revokes an ACTIVE pass (409 otherwise). */
  @Transactional
  public OutingPass revoke(String number) {
    JurisdictionScope scope = currentUser.get().scope();
    OutingPass pass = find(number, scope).orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (pass.state() != OutingPass.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.passState", pass.state());
    }
    jdbc.sql("update lockdown_pass set state = 'REVOKED' where id = ?").param(pass.id()).update();
    audit.record(AuditAction.UPDATE, SUBJECT, pass.id().toString(), "REVOKE");
    return find(number, scope).orElseThrow();
  }

  /** Checks a number at a post of an area (the gate log keeps it); never an error for an unknown number. */
  @Transactional
  public OutingPass.Check check(UUID postId, String number) {
    return checkAndMaybeLetOut(postId, number, false);
  }

  /** Lets a VALID pass out at a post: one outing used; 409 naming the answer otherwise. */
  @Transactional
  public OutingPass.Check letOut(UUID postId, String number) {
    return checkAndMaybeLetOut(postId, number, true);
  }

  private OutingPass.Check checkAndMaybeLetOut(UUID postId, String number, boolean out) {
    UserContext user = currentUser.get();
    String key = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    if (key.isEmpty() || key.length() > 40) {
      throw new ValidationFailure(FieldProblem.of("number", "lockdown.pass.number"));
    }
    UUID post = postId == null ? null : jdbc.sql("select id from lockdown_post where id = ?").param(postId)
        .query(UUID.class).optional().orElseThrow(() -> new ValidationFailure(FieldProblem.of("postId",
            "lockdown.pass.post")));
    if (out) {
      jdbc.sql("select id from lockdown_pass where number = ? for update").param(key).query(UUID.class).optional();
    }
    Optional<OutingPass> found = find(key, user.scope());
    LocalDate today = LocalDate.now(clock);
    String reason = found.map(p -> reason(p, today)).orElse("UNKNOWN");
    Status status = reason.equals("VALID") ? Status.VALID : reason.equals("EXPIRED") ? Status.EXPIRED
        : Status.INVALID;
    if (out && status != Status.VALID) {
      throw Conflict.naming("lockdown.pass.notValid", status.name());
    }
    if (out) {
      jdbc.sql("update lockdown_pass set used = used + 1 where id = ?").param(found.get().id()).update();
      found = find(key, user.scope());
    }
    jdbc.sql("""
        insert into lockdown_pass_check (id, pass_id, post_id, number, result, outing, checked_at, checked_by)
        values (?, ?, ?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), found.map(OutingPass::id).orElse(null), post, key,
        status.name(), out, Timestamp.from(clock.instant()), user.username()).update();
    audit.record(AuditAction.READ, SUBJECT, key, (out ? "OUT " : "CHECK ") + status);
    return new OutingPass.Check(status, reason, found.orElse(null));
  }

  private static String reason(OutingPass pass, LocalDate today) {
    if (pass.state() != OutingPass.State.ACTIVE) {
      return "REVOKED";
    }
    if (today.isAfter(pass.validTo())) {
      return "EXPIRED";
    }
    if (today.isBefore(pass.validFrom())) {
      return "NOT_YET_VALID";
    }
    return pass.used() >= pass.outings() ? "USED_UP" : "VALID";
  }

  private Optional<OutingPass> find(String number, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_pass p join lockdown_area a on a.id = p.area_id"
        + " where p.number = :number and " + scope.predicate("p.jurisdiction_path"))).param("number", number)
        .query((rs, n) -> pass(rs)).optional();
  }

  private static String number() {
    StringBuilder text = new StringBuilder("FK-");
    for (int i = 0; i < 8; i++) {
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private static OutingPass pass(ResultSet rs) throws SQLException {
    return new OutingPass(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
        rs.getObject(5, UUID.class), rs.getString(6), OutingPass.Purpose.valueOf(rs.getString(7)),
        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getInt(11),
        OutingPass.State.valueOf(rs.getString(12)), rs.getTimestamp(13).toInstant());
  }
}
