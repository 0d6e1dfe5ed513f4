package org.epicommand.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.command.internal.OrganisationStore;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command organisation: units and who belongs to them, the leadership group, the response level
 * with its history (who, when, why) and the 24-hour duty roster. Other modules find a user's unit here.
 */
@Service
public class CommandOrganisation {

  /** The level in force and how it got there, newest first. */
  public record LevelView(ResponseLevel level, List<LevelChange> history) {}

  private final OrganisationStore store;
  private final CurrentUser currentUser;
  private final UserAdministration users;
  private final Notifications notifications;
  private final Clock clock;

  CommandOrganisation(OrganisationStore store, CurrentUser currentUser, UserAdministration users,
      Notifications notifications, Clock clock) {
    this.store = store;
    this.currentUser = currentUser;
    this.users = users;
    this.notifications = notifications;
    this.clock = clock;
  }

  public List<Unit> units() {
    return store.units();
  }

  public List<Unit> reportingUnits() {
    return store.reportingUnits();
  }

  public Optional<Unit> unit(String code) {
    return code == null ? Optional.empty() : store.unit(code);
  }

  /** The units a user belongs to, reporting units first. */
  public List<Unit> unitsOf(String username) {
    return store.unitsOf(username);
  }

  public List<String> members(String unitCode) {
    return store.members(unitCode);
  }

  public List<Leader> leaders() {
    return store.leaders();
  }

  @Transactional
  public Unit createUnit(String code, String name, UnitKind kind, String jurisdictionCode, boolean reporting,
      Integer sortOrder) {
    requireManage();
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !code.matches("[A-Za-z0-9_-]{2,40}")) {
      problems.add(FieldProblem.of("code", "command.unit.code"));
    }
    if (name == null || name.isBlank() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "command.unit.name"));
    }
    if (kind == null) {
      problems.add(FieldProblem.of("kind", "command.unit.kind"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (store.unit(code).isPresent()) {
      throw Conflict.duplicate("command.unit.duplicate", code);
    }
    Unit unit = new Unit(code, name.strip(), kind, jurisdictionCode, reporting, sortOrder == null ? 500 : sortOrder);
    store.insertUnit(unit, clock.instant());
    return unit;
  }

  /** Adds an existing user to a unit (idempotent). */
  @Transactional
  public List<String> addMember(String unitCode, String username) {
    requireManage();
    requireUnit(unitCode);
    if (username == null || users.findByUsername(username).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("username", "command.unit.unknownUser"));
    }
    store.addMember(unitCode, username);
    return store.members(unitCode);
  }

  @Transactional
  public void addLeader(String name, String position, String title, int sortOrder) {
    store.insertLeader(name, position, title, sortOrder);
  }

  public LevelView responseLevel() {
    List<LevelChange> history = store.levelHistory(50).stream().map(change -> new LevelChange(change.level(),
        change.reason(), change.changedBy(), change.changedAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime()))
        .toList();
    return new LevelView(history.isEmpty() ? null : history.get(0).level(), history);
  }

  /** Changes the response level, with a reason; the command office and the districts are told. */
  @Transactional
  public LevelView changeLevel(ResponseLevel level, String reason) {
    List<FieldProblem> problems = new ArrayList<>();
    if (level == null) {
      problems.add(FieldProblem.of("level", "command.level.level"));
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      problems.add(FieldProblem.of("reason", "command.level.reason"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    store.lockLevels();
    ResponseLevel current = responseLevel().level();
    if (current == level) {
      throw Conflict.illegalTransition("command.level.unchanged", current);
    }
    store.insertLevel(level, reason.strip(), currentUser.get().username(), clock.instant());
    List<String> everyone = store.units().stream().flatMap(u -> store.members(u.code()).stream()).distinct().toList();
    if (!everyone.isEmpty()) {
      notifications.send(Notice.toUsers(everyone, "RESPONSE_LEVEL", "应急响应级别调整为 " + level + " 级",
          reason.strip(), "/command"));
    }
    return responseLevel();
  }

  public List<Duty> duty(LocalDate date) {
    return store.duty(date);
  }

  /** Today's duty of the signed-in user's own unit, if they belong to one and it has filled the roster. */
  public Optional<Duty> myDutyToday() {
    Optional<UserContext> user = currentUser.find();
    if (user.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    return store.unitsOf(user.get().username()).stream().map(unit -> store.duty(unit.code(), today))
        .flatMap(Optional::stream).findFirst();
  }

  /** Sets one unit's duty for one day: by a member of the unit, or by the command office. */
  @Transactional
  public Duty putDuty(String unitCode, LocalDate date, String leader, String staff, String phone) {
    requireWorkFor(unitCode);
    List<FieldProblem> problems = new ArrayList<>();
    if (date == null) {
      problems.add(FieldProblem.of("date", "command.duty.date"));
    }
    if (leader == null || leader.isBlank() || leader.length() > 50) {
      problems.add(FieldProblem.of("leader", "command.duty.leader"));
    }
    if (staff == null || staff.isBlank() || staff.length() > 50) {
      problems.add(FieldProblem.of("staff", "command.duty.staff"));
    }
    if (phone == null || !phone.strip().matches("[0-9+\\- ]{3,30}")) {
      problems.add(FieldProblem.of("phone", "command.duty.phone"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    store.putDuty(unitCode, date, leader.strip(), staff.strip(), phone.strip());
    return store.duty(unitCode, date).orElseThrow();
  }

  Unit requireUnit(String unitCode) {
    return unit(unitCode).orElseThrow(() -> new RecordNotFound("unit"));
  }

  /**
   * The unit, when the caller works for it (a member) or runs the command post; otherwise it does
   * not exist for them (404).
   */
  Unit requireWorkFor(String unitCode) {
    Unit unit = requireUnit(unitCode);
    UserContext user = currentUser.get();
    if (!user.has(Permission.COMMAND_MANAGE) && !store.isMember(unitCode, user.username())) {
      throw new RecordNotFound("unit");
    }
    return unit;
  }

  /** True when the signed-in user may see a unit's work: a member, or anyone who reads the command picture. */
  boolean maySee(String unitCode) {
    UserContext user = currentUser.get();
    return user.has(Permission.COMMAND_READ) || store.isMember(unitCode, user.username());
  }

  void requireManage() {
    if (!currentUser.get().has(Permission.COMMAND_MANAGE)) {
      throw new AccessDeniedException("COMMAND_MANAGE");
    }
  }
}
