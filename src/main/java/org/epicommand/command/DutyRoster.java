package org.epicommand.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.command.internal.DutyStore;
import org.epicommand.command.internal.OrganisationStore;
import org.epicommand.command.internal.OrganisationStore.ImportLine;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 24-hour duty roster (值班表): per unit and day the leader on duty (带班领导), the staff on duty
 * and the duty phone. A unit's members, or the command office, enter it a day, a week or a month at
 * a time; a retired unit takes no duty from its retirement day on (409).
 */
@Service
public class DutyRoster {

  /** One day of a unit's roster as entered. */
  public record DayDuty(LocalDate date, String leader, String staff, String phone) {}

  /** At most this many days in one call or one page: a month and then some. */
  public static final int MAX_DAYS = 62;
  static final String SUBJECT = "COMMAND_DUTY";

  private final DutyStore store;
  private final OrganisationStore units;
  private final CommandOrganisation organisation;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  DutyRoster(DutyStore store, OrganisationStore units, CommandOrganisation organisation, CurrentUser currentUser,
      AuditTrail audit) {
    this.store = store;
    this.units = units;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** Every unit's duty on a day. */
  public List<Duty> onDay(LocalDate date) {
    return store.onDay(date);
  }

  /** Today's duty of the signed-in user's own unit, if they belong to one and it has filled the roster. */
  public Optional<Duty> myDutyToday() {
    Optional<UserContext> user = currentUser.find();
    if (user.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = organisation.today();
    return units.unitsOf(user.get().username()).stream().filter(u -> u.activeOn(today))
        .map(unit -> store.find(unit.code(), today)).flatMap(Optional::stream).findFirst();
  }

  /** A unit's roster between two days (inclusive): for its members and whoever reads the command picture. */
  public List<Duty> range(String unitCode, LocalDate from, LocalDate to) {
    organisation.requireUnit(unitCode);
    if (!organisation.maySee(unitCode)) {
      throw new RecordNotFound("unit");
    }
    checkRange(from, to);
    return store.range(unitCode, from, to);
  }

  /** Sets one unit's duty for one day: by a member of the unit, or by the command office. */
  @Transactional
  public Duty put(String unitCode, LocalDate date, String leader, String staff, String phone) {
    List<FieldProblem> problems = new ArrayList<>();
    check(new DayDuty(date, leader, staff, phone), "", problems);
    return putAll(unitCode, List.of(new DayDuty(date, leader, staff, phone)), problems).get(0);
  }

  /**
   * Sets a unit's duty for several days at once (a week or a month of the roster grid), all or
   * nothing; days not given keep what they had. Field problems are named {@code days[i].leader} etc.
   */
  @Transactional
  public List<Duty> putRange(String unitCode, List<DayDuty> days) {
    List<DayDuty> given = days == null ? List.of() : days;
    List<FieldProblem> problems = new ArrayList<>();
    if (given.isEmpty() || given.size() > MAX_DAYS) {
      problems.add(FieldProblem.of("days", "command.duty.days", MAX_DAYS));
    }
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      String prefix = "days[" + i + "].";
      DayDuty day = given.get(i);
      if (day == null) {
        problems.add(FieldProblem.of(prefix + "date", "command.duty.date"));
        continue;
      }
      check(day, prefix, problems);
      if (day.date() != null && seen.putIfAbsent(day.date(), i) != null) {
        problems.add(FieldProblem.of(prefix + "date", "command.duty.dateTwice", day.date()));
      }
    }
    return putAll(unitCode, given, problems);
  }

  /**
   * One line of a duty-roster import, inside the import's transaction: sets the unit's day unless
   * the line has problems, which it answers instead of throwing (a unit the importer does not work
   * for is unknown to them, a retired unit takes no duty, the same unit and day twice in one file).
   */
  public List<FieldProblem> importDay(String unitCode, DayDuty day, UUID importId, int line) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Unit> unit = organisation.unit(unitCode);
    UserContext user = currentUser.get();
    if (unit.isEmpty() || !user.has(Permission.COMMAND_MANAGE)
        && !units.isMember(unitCode, user.username())) {
      problems.add(FieldProblem.of("unitCode", "command.duty.unknownUnit"));
    }
    check(day, "", problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    if (!unit.get().activeOn(day.date())) {
      return List.of(FieldProblem.of("unitCode", "command.unit.retired", UnitState.RETIRED));
    }
    Optional<ImportLine> earlier = store.importLine(unitCode, day.date())
        .filter(l -> l.importId().equals(importId) && l.line() != line);
    if (earlier.isPresent()) {
      return List.of(FieldProblem.of("date", "command.duty.duplicateInFile", earlier.get().line()));
    }
    Optional<Duty> before = store.find(unitCode, day.date());
    Duty after = new Duty(unitCode, unit.get().name(), day.date(), day.leader().strip(), day.staff().strip(),
        day.phone().strip());
    // written even when unchanged, so that the same unit and day later in this file is a duplicate
    store.put(unitCode, day.date(), after.leader(), after.staff(), after.phone(), new ImportLine(importId, line));
    if (before.isEmpty() || !before.get().equals(after)) {
      audit.record(AuditAction.UPDATE, SUBJECT, unitCode, day.date() + " import " + importId);
    }
    return List.of();
  }

  private List<Duty> putAll(String unitCode, List<DayDuty> days, List<FieldProblem> problems) {
    Unit unit = organisation.requireWorkFor(unitCode);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    days.forEach(day -> organisation.requireActiveOn(unit, day.date()));
    List<Duty> saved = new ArrayList<>();
    for (DayDuty day : days) {
      store.put(unitCode, day.date(), day.leader().strip(), day.staff().strip(), day.phone().strip(), null);
      saved.add(store.find(unitCode, day.date()).orElseThrow());
    }
    LocalDate first = days.stream().map(DayDuty::date).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = days.stream().map(DayDuty::date).max(LocalDate::compareTo).orElseThrow();
    audit.record(AuditAction.UPDATE, SUBJECT, unitCode, first + ".." + last + " (" + days.size() + " days)");
    return saved;
  }

  private static void check(DayDuty day, String prefix, List<FieldProblem> problems) {
    if (day.date() == null) {
      problems.add(FieldProblem.of(prefix + "date", "command.duty.date"));
    }
    if (day.leader() == null || day.leader().isBlank() || day.leader().length() > 50) {
      problems.add(FieldProblem.of(prefix + "leader", "command.duty.leader"));
    }
    if (day.staff() == null || day.staff().isBlank() || day.staff().length() > 50) {
      problems.add(FieldProblem.of(prefix + "staff", "command.duty.staff"));
    }
    if (day.phone() == null || !day.phone().strip().matches("[0-9+\\- ]{3,30}")) {
      problems.add(FieldProblem.of(prefix + "phone", "command.duty.phone"));
    }
  }

  static void checkRange(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
      throw new ValidationFailure(FieldProblem.of("to", "command.report.range", MAX_DAYS));
    }
  }
}
