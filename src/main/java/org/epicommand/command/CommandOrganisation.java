package org.epicommand.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.command.internal.OrganisationStore;
import org.epicommand.command.internal.OrganisationStore.ImportLine;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
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
 * The command organisation: units (created, corrected, retired and reactivated by the command
 * office) and who belongs to them, and the response level with its history (who, when, why). A
 * retired unit stays readable with its history and refuses new work from its retirement day on.
 * Other modules find a user's unit here.
 */
@Service
public class CommandOrganisation {

  /** The level in force and how it got there, newest first. */
  public record LevelView(ResponseLevel level, List<LevelChange> history) {}

  /** What a unit is called and is; the code is its key and never changes. */
  public record UnitDetails(String name, UnitKind kind, String jurisdictionCode, Boolean reporting,
      Integer sortOrder) {}

  /** One unit line of an import: the unit with the import and file line that carry it. */
  public record UnitLine(String code, UnitDetails details, UUID importId, int line) {}

  static final String UNIT_SUBJECT = "COMMAND_UNIT";
  private static final int DEFAULT_SORT_ORDER = 500;

  private final OrganisationStore store;
  private final CurrentUser currentUser;
  private final UserAdministration users;
  private final Jurisdictions jurisdictions;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  CommandOrganisation(OrganisationStore store, CurrentUser currentUser, UserAdministration users,
      Jurisdictions jurisdictions, Notifications notifications, AuditTrail audit, Clock clock) {
    this.store = store;
    this.currentUser = currentUser;
    this.users = users;
    this.jurisdictions = jurisdictions;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every unit, retired ones too. */
  public List<Unit> units() {
    return store.units();
  }

  /** The units that take new work today: what pickers offer. */
  public List<Unit> activeUnits() {
    LocalDate today = today();
    return store.units().stream().filter(u -> u.activeOn(today)).toList();
  }

  /** The reporting units that owe a report for {@code day} (not retired by then). */
  public List<Unit> reportingUnits(LocalDate day) {
    return store.reportingUnits(day);
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

  @Transactional
  public Unit createUnit(String code, String name, UnitKind kind, String jurisdictionCode, boolean reporting,
      Integer sortOrder) {
    requireManage();
    UnitDetails details = new UnitDetails(name, kind, jurisdictionCode, reporting, sortOrder);
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !code.matches("[A-Za-z0-9_-]{2,40}")) {
      problems.add(FieldProblem.of("code", "command.unit.code"));
    }
    checkDetails(details, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (store.unit(code).isPresent()) {
      throw Conflict.duplicate("command.unit.duplicate", code);
    }
    Unit unit = unit(code, details, null);
    store.insertUnit(unit, clock.instant(), null);
    audit.record(AuditAction.CREATE, UNIT_SUBJECT, code, unit.name());
    return unit;
  }

  /** Corrects a unit's name, kind, jurisdiction, reporting duty and order (retired units too: history is corrected). */
  @Transactional
  public Unit updateUnit(String code, UnitDetails details) {
    Unit existing = lockForChange(code);
    List<FieldProblem> problems = new ArrayList<>();
    checkDetails(details, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Unit unit = unit(code, details, existing.retiredOn());
    store.updateUnit(unit, clock.instant(), null);
    audit.record(AuditAction.UPDATE, UNIT_SUBJECT, code, unit.name());
    return unit;
  }

  /**
   * Retires a unit from a day (default today): from then on it gets no tasks, owes no daily report
   * and takes no duty; its history stays. A unit already retired is a 409.
   */
  @Transactional
  public Unit retireUnit(String code, LocalDate from) {
    Unit unit = lockForChange(code);
    if (unit.retiredOn() != null) {
      throw Conflict.illegalTransition("command.unit.alreadyRetired", UnitState.RETIRED);
    }
    LocalDate day = from == null ? today() : from;
    store.setRetired(code, day, currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, UNIT_SUBJECT, code, "retired from " + day);
    return store.unit(code).orElseThrow();
  }

  /** Takes a retired unit back into service; an active unit is a 409. */
  @Transactional
  public Unit reactivateUnit(String code) {
    Unit unit = lockForChange(code);
    if (unit.retiredOn() == null) {
      throw Conflict.illegalTransition("command.unit.notRetired", UnitState.ACTIVE);
    }
    store.setRetired(code, null, null, clock.instant());
    audit.record(AuditAction.UPDATE, UNIT_SUBJECT, code, "reactivated");
    return store.unit(code).orElseThrow();
  }

  /**
   * One line of a unit import, inside the import's transaction: creates the unit, takes over changed
   * details, or (unchanged) does nothing. Answers the line's problems instead of throwing, so that a
   * bad line never sinks its batch: the same code twice in one file, a changed retired unit.
   */
  public List<FieldProblem> importUnit(UnitLine line) {
    requireManage();
    List<FieldProblem> problems = new ArrayList<>();
    if (line.code() == null || !line.code().matches("[A-Za-z0-9_-]{2,40}")) {
      problems.add(FieldProblem.of("code", "command.unit.code"));
    }
    checkDetails(line.details(), problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    Optional<ImportLine> earlier = store.importLine(line.code())
        .filter(l -> l.importId().equals(line.importId()) && l.line() != line.line());
    if (earlier.isPresent()) {
      return List.of(FieldProblem.of("code", "command.unit.duplicateInFile", earlier.get().line()));
    }
    ImportLine source = new ImportLine(line.importId(), line.line());
    Optional<Unit> existing = store.lockUnit(line.code());
    Unit unit = unit(line.code(), line.details(), existing.map(Unit::retiredOn).orElse(null));
    if (existing.isEmpty()) {
      store.insertUnit(unit, clock.instant(), source);
      audit.record(AuditAction.CREATE, UNIT_SUBJECT, unit.code(), "import " + line.importId());
    } else if (existing.get().equals(unit)) {
      store.markImported(unit.code(), source);
    } else {
      if (unit.retiredOn() != null) {
        return List.of(FieldProblem.of("code", "command.unit.retired", UnitState.RETIRED));
      }
      store.updateUnit(unit, clock.instant(), source);
      audit.record(AuditAction.UPDATE, UNIT_SUBJECT, unit.code(), "import " + line.importId());
    }
    return List.of();
  }

  /** Adds an existing user to a unit (idempotent); a retired unit takes no new members (409). */
  @Transactional
  public List<String> addMember(String unitCode, String username) {
    requireManage();
    Unit unit = requireUnit(unitCode);
    if (username == null || users.findByUsername(username.strip()).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("username", "command.unit.unknownUser"));
    }
    requireActive(unit);
    if (store.addMember(unitCode, username.strip(), clock.instant())) {
      audit.record(AuditAction.UPDATE, UNIT_SUBJECT, unitCode, "member added: " + username.strip());
    }
    return store.members(unitCode);
  }

  /** Takes a user out of a unit (idempotent); their past work in the unit stays as it was. */
  @Transactional
  public List<String> removeMember(String unitCode, String username) {
    requireManage();
    requireUnit(unitCode);
    if (username != null && store.removeMember(unitCode, username)) {
      audit.record(AuditAction.UPDATE, UNIT_SUBJECT, unitCode, "member removed: " + username);
    }
    return store.members(unitCode);
  }

  /** A 409 naming the state when the unit takes no new work today. */
  public void requireActive(Unit unit) {
    requireActiveOn(unit, today());
  }

  /** A 409 naming the state when the unit takes no new work on {@code day}. */
  public void requireActiveOn(Unit unit, LocalDate day) {
    if (!unit.activeOn(day)) {
      throw Conflict.illegalTransition("command.unit.retired", UnitState.RETIRED);
    }
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
    List<String> everyone = activeUnits().stream().flatMap(u -> store.members(u.code()).stream()).distinct()
        .toList();
    if (!everyone.isEmpty()) {
      notifications.send(Notice.toUsers(everyone, "RESPONSE_LEVEL", "应急响应级别调整为 " + level + " 级",
          reason.strip(), "/command"));
    }
    return responseLevel();
  }

  /** The unit, locked for the office's change that follows (404 when there is none). */
  private Unit lockForChange(String code) {
    requireManage();
    return store.lockUnit(code == null ? "" : code).orElseThrow(() -> new RecordNotFound("unit"));
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

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private void checkDetails(UnitDetails details, List<FieldProblem> problems) {
    if (details.name() == null || details.name().isBlank() || details.name().length() > 100) {
      problems.add(FieldProblem.of("name", "command.unit.name"));
    }
    if (details.kind() == null) {
      problems.add(FieldProblem.of("kind", "command.unit.kind"));
    }
    if (details.sortOrder() != null && (details.sortOrder() < 0 || details.sortOrder() > 100_000)) {
      problems.add(FieldProblem.of("sortOrder", "command.unit.sortOrder"));
    }
    String code = blankToNull(details.jurisdictionCode());
    JurisdictionLevel needed = details.kind() == null ? null : switch (details.kind()) {
      case DISTRICT -> JurisdictionLevel.COUNTY;
      case STREET -> JurisdictionLevel.TOWNSHIP;
      case COMMUNITY -> JurisdictionLevel.VILLAGE;
      default -> null;
    };
    if (code == null) {
      if (needed != null) {
        problems.add(FieldProblem.of("jurisdictionCode", "command.unit.jurisdictionRequired"));
      }
      return;
    }
    Optional<Jurisdiction> place = code.length() > 20 ? Optional.empty() : jurisdictions.find(code);
    if (place.isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "command.unit.jurisdiction"));
    } else if (needed != null && place.get().level() != needed) {
      problems.add(FieldProblem.of("jurisdictionCode", "command.unit.jurisdictionLevel", place.get().name()));
    }
  }

  private static Unit unit(String code, UnitDetails details, LocalDate retiredOn) {
    return new Unit(code, details.name().strip(), details.kind(), blankToNull(details.jurisdictionCode()),
        Boolean.TRUE.equals(details.reporting()), Objects.requireNonNullElse(details.sortOrder(), DEFAULT_SORT_ORDER),
        retiredOn);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
