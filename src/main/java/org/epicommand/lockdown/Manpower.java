package org.epicommand.lockdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manpower pool (人力池): cadres sent down, community workers, volunteers, police, samplers … with
 * their phone, unit, skills and availability, registered in a jurisdiction and seen inside it. One
 * active entry per phone (409 with {@code existingId}); a retired one stays readable and takes no shift.
 */
@Service
public class Manpower {

  static final String SUBJECT = "LOCKDOWN_WORKER";
  static final String COLUMNS = """
      id, name, phone, source, home_unit, skills, available_from, available_to, jurisdiction_code, state, username""";

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;
  private final UserAdministration users;
  private final Clock clock;

  Manpower(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, AuditTrail audit,
      UserAdministration users, Clock clock) {
    this.users = users;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Registers a person in the pool; every problem at once as field errors; 409 with {@code existingId} for a phone. */
  @Transactional
  public Worker register(Worker.New request) {
    UserContext user = currentUser.get();
    Checked checked = check(request, user);
    if (!checked.problems().isEmpty()) {
      throw new ValidationFailure(checked.problems());
    }
    existing("phone", checked.phone()).ifPresent(id -> {
      throw Conflict.duplicate("lockdown.worker.duplicate", id.toString());
    });
    if (checked.username() != null) {
      existing("username", checked.username()).ifPresent(id -> {
        throw Conflict.duplicate("lockdown.worker.linked", id.toString());
      });
    }
    UUID id = insert(request, checked, user.username(), null, 0);
    return find(id, user.scope()).orElseThrow();
  }

  /**
   * One line of a pool import (kind {@code manpower}), keyed by phone: a new phone is registered, a phone
   * already in the caller's jurisdiction is brought up to the line (unchanged: nothing written but the
   * line), a phone elsewhere or twice in the file is a row error. Returns the line's problems.
   */
  @Transactional
  public List<FieldProblem> importLine(Worker.New request, UUID importId, int line) {
    UserContext user = currentUser.get();
    Checked checked = check(request, user);
    if (!checked.problems().isEmpty()) {
      return checked.problems();
    }
    Optional<UUID> before = existing("phone", checked.phone());
    if (before.isPresent() && find(before.get(), user.scope()).isEmpty()) {
      return List.of(FieldProblem.of("phone", "lockdown.worker.duplicate"));
    }
    Optional<UUID> account = checked.username() == null ? Optional.empty() : existing("username", checked.username());
    if (account.isPresent() && !account.equals(before)) {
      return List.of(FieldProblem.of("username", "lockdown.worker.linked"));
    }
    if (before.isEmpty()) {
      insert(request, checked, user.username(), importId, line);
      return List.of();
    }
    Integer earlier = jdbc.sql("select import_line from lockdown_worker where id = ? and import_id = ?")
        .params(before.get(), importId).query(Integer.class).optional().orElse(null);
    if (earlier != null && earlier != line) {
      return List.of(FieldProblem.of("phone", "lockdown.worker.duplicateInFile", earlier));
    }
    Worker now = find(before.get(), user.scope()).orElseThrow();
    Worker after = new Worker(now.id(), checked.name(), checked.phone(), request.source(), strip(request.homeUnit()),
        strip(request.skills()), request.availableFrom(), request.availableTo(), checked.place().code(), now.state(),
        checked.username());
    boolean changed = !after.equals(now);
    if (changed) {
      jdbc.sql("""
          update lockdown_worker set name = ?, source = ?, home_unit = ?, skills = ?, available_from = ?,
            available_to = ?, jurisdiction_code = ?, jurisdiction_path = ?, username = ? where id = ?""")
          .params(after.name(), after.source().name(), after.homeUnit(), after.skills(), after.availableFrom(),
              after.availableTo(), after.jurisdictionCode(), checked.place().path(), after.username(), now.id())
          .update();
    }
    jdbc.sql("update lockdown_worker set import_id = ?, import_line = ? where id = ?").params(importId, line,
        before.get()).update();
    if (changed) {
      audit.record(AuditAction.UPDATE, SUBJECT, before.get().toString(), "import " + importId);
    }
    return List.of();
  }

  /** The caller's own entry of the pool (a volunteer's, by their account). */
  public Optional<Worker> mine() {
    UserContext user = currentUser.get();
    return jdbc.sql("select " + COLUMNS + " from lockdown_worker where username = ? and state = 'ACTIVE'")
        .param(user.username()).query((rs, n) -> worker(rs)).optional();
  }

  private record Checked(List<FieldProblem> problems, String name, String phone, Jurisdiction place,
      String username) {}

  private Checked check(Worker.New request, UserContext user) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 50) {
      problems.add(FieldProblem.of("name", "lockdown.worker.name"));
    }
    String phone = PhoneNumbers.normalize(request.phone());
    if (phone == null) {
      problems.add(FieldProblem.of("phone", "lockdown.phone"));
    }
    if (request.source() == null) {
      problems.add(FieldProblem.of("source", "lockdown.worker.source"));
    }
    if (length(request.homeUnit()) > 100 || length(request.skills()) > 200) {
      problems.add(FieldProblem.of(length(request.homeUnit()) > 100 ? "homeUnit" : "skills", "lockdown.tooLong"));
    }
    if (request.availableFrom() == null) {
      problems.add(FieldProblem.of("availableFrom", "lockdown.required"));
    } else if (request.availableTo() != null && request.availableTo().isBefore(request.availableFrom())) {
      problems.add(FieldProblem.of("availableTo", "lockdown.window"));
    }
    String code = request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()
        ? user.jurisdictionCode() : request.jurisdictionCode().strip();
    Optional<Jurisdiction> place = jurisdictions.find(code).filter(j -> user.scope().contains(j.path()));
    if (place.isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "lockdown.area.jurisdiction"));
    }
    String username = strip(request.username());
    if (username != null && users.findByUsername(username)
        .filter(u -> u.roles().stream().anyMatch(r -> r.permissions().contains(Permission.LOCKDOWN_TASK)))
        .isEmpty()) {
      problems.add(FieldProblem.of("username", "lockdown.worker.username"));
    }
    return new Checked(problems, name, phone, place.orElse(null), username);
  }

  private Optional<UUID> existing(String column, String value) {
    return jdbc.sql("select id from lockdown_worker where " + column + " = ? and state = 'ACTIVE'").param(value)
        .query(UUID.class).optional();
  }

  private UUID insert(Worker.New request, Checked checked, String by, UUID importId, int line) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("""
          insert into lockdown_worker (id, name, phone, source, home_unit, skills, available_from, available_to,
            jurisdiction_code, jurisdiction_path, state, created_at, created_by, username, import_id, import_line)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""").params(id, checked.name(),
          checked.phone(), request.source().name(), strip(request.homeUnit()), strip(request.skills()),
          request.availableFrom(), request.availableTo(), checked.place().code(), checked.place().path(),
          Timestamp.from(clock.instant()), by, checked.username(), importId, importId == null ? null : line).update();
    } catch (DuplicateKeyException e) {
      throw Conflict.of("lockdown.worker.duplicate");
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.source().name());
    return id;
  }

  /** The pool inside the caller's jurisdiction (active only unless {@code all}), by name. */
  public List<Worker> list(boolean all) {
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_worker where "
        + scope.predicate("jurisdiction_path") + (all ? "" : " and state = 'ACTIVE'")
        + " order by name, id limit 1000"))
        .query((rs, n) -> worker(rs)).list();
  }

  /** One person of the pool (audited as a read of personal data); 404 outside the caller's jurisdiction. */
  public Worker get(UUID id) {
    Worker worker = find(id, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return worker;
  }

  /** Retires a person of the pool: kept, takes no new shift; 409 when retired already. */
  @Transactional
  public Worker retire(UUID id) {
    Worker worker = find(id, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (worker.state() != Worker.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.workerState", worker.state());
    }
    jdbc.sql("update lockdown_worker set state = 'RETIRED' where id = ?").param(id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "RETIRE");
    return find(id, currentUser.get().scope()).orElseThrow();
  }

  Optional<Worker> find(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_worker where id = :id and "
        + scope.predicate("jurisdiction_path"))).param("id", id).query((rs, n) -> worker(rs)).optional();
  }

  static Worker worker(ResultSet rs) throws SQLException {
    return new Worker(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
        Worker.Source.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
        Worker.State.valueOf(rs.getString(10)), rs.getString(11));
  }

  static int length(String text) {
    return text == null ? 0 : text.length();
  }

  static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
