package org.epicommand.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.internal.InspectionStore;
import org.epicommand.supervision.internal.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection plans — one theme per day for each team, and for each district a team covers — and
 * their unannounced visits (四不两直). A visit is created
 * {@code PLANNED} for each target unit and stays invisible to that unit until the team starts it:
 * the planned time passing does not reveal it, because plans slip and a visit announced by the
 * calendar is exactly the notice 四不两直 forbids.
 */
@Service
public class InspectionPlanning {

  /** A district a plan may cover. */
  public record District(String code, String name) {}

  static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
  static final int MAX_TARGETS = 50;

  private final InspectionStore store;
  private final Units units;
  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final Clock clock;

  InspectionPlanning(InspectionStore store, Units units, UserAdministration users, CurrentUser currentUser,
      ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
    this.audit = audit;
    this.store = store;
    this.units = units;
    this.users = users;
    this.currentUser = currentUser;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public InspectionPlan createPlan(NewPlan plan) {
    UserContext user = currentUser.get();
    List<FieldProblem> errors = new ArrayList<>();
    if (plan.date() == null) {
      errors.add(FieldProblem.of("date", "supervision.required"));
    } else if (plan.date().isBefore(LocalDate.now(clock))) {
      errors.add(FieldProblem.of("date", "supervision.datePast"));
    }
    String theme = ProblemRectification.text(plan.theme(), "theme", 200, errors);
    String teamName = plan.teamName() == null || plan.teamName().isBlank() ? null
        : ProblemRectification.text(plan.teamName(), "teamName", 100, errors);
    InspectionStore.Target district = null;
    if (plan.districtCode() != null && !plan.districtCode().isBlank()) {
      district = units.district(plan.districtCode(), user).orElse(null);
      if (district == null) {
        errors.add(FieldProblem.of("districtCode", "supervision.unknownDistrict"));
      }
    }
    Set<String> team = new LinkedHashSet<>();
    List<String> members = plan.team() == null ? List.of() : plan.team();
    if (members.isEmpty()) {
      errors.add(FieldProblem.of("team", "supervision.required"));
    }
    for (int i = 0; i < members.size(); i++) {
      String name = members.get(i) == null ? "" : members.get(i).strip();
      if (name.isEmpty() || users.findByUsername(name).isEmpty()) {
        errors.add(FieldProblem.of("team[" + i + "]", "supervision.unknownUser"));
      } else {
        team.add(name);
      }
    }
    List<String> codes = plan.targets() == null ? List.of() : plan.targets();
    if (codes.isEmpty()) {
      errors.add(FieldProblem.of("targets", "supervision.required"));
    } else if (codes.size() > MAX_TARGETS) {
      errors.add(FieldProblem.of("targets", "supervision.tooMany", MAX_TARGETS));
    }
    List<InspectionStore.Target> targets = new ArrayList<>();
    for (int i = 0; i < codes.size() && i < MAX_TARGETS; i++) {
      var target = units.find(codes.get(i), user);
      if (target.isEmpty()) {
        errors.add(FieldProblem.of("targets[" + i + "]", "supervision.unknownUnit"));
      } else if (district != null && !target.get().path().startsWith(district.path())) {
        errors.add(FieldProblem.of("targets[" + i + "]", "supervision.outsideDistrict", district.name()));
      } else if (targets.stream().noneMatch(t -> t.code().equals(target.get().code()))) {
        targets.add(target.get());
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    String districtCode = district == null ? null : district.code();
    store.planFor(plan.date(), teamName, districtCode).ifPresent(existing -> {
      throw Conflict.duplicate("supervision.planExists", existing.toString());
    });
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insertPlan(id, new InspectionStore.NewPlanRow(plan.date(), theme, teamName, district), List.copyOf(team),
        user.username(), now);
    Instant plannedAt = plan.date().atTime(plan.startTime() == null ? DEFAULT_START : plan.startTime())
        .atZone(clock.getZone()).toInstant();
    for (InspectionStore.Target target : targets) {
      store.insertVisit(UUID.randomUUID(), id, target, plannedAt, now);
    }
    audit.record(AuditAction.CREATE, "INSPECTION_PLAN", id.toString(),
        plan.date() + " " + teamName + " " + targets.size() + " targets");
    return plan(id);
  }

  public InspectionPlan plan(UUID id) {
    return store.plan(id, units.visibility(currentUser.get())).orElseThrow(() -> new RecordNotFound("plan"));
  }

  /** Plans from a day on or of one day (null: no limit), of one district (null: all), newest first. */
  public PageResult<InspectionPlan> plans(LocalDate from, LocalDate day, String districtCode, Paging paging) {
    String district = districtCode == null || districtCode.isBlank() ? null : districtCode.strip();
    return paging.toResult(store.plans(new InspectionStore.PlanFilter(from, day, district), paging.offset(),
        paging.fetchSize()), null);
  }

  /** The districts the caller may plan for. */
  public List<District> districts() {
    return units.districts(currentUser.get()).stream().map(t -> new District(t.code(), t.name())).toList();
  }

  /** The visits the caller may see: for a unit's staff only those that have started. */
  public PageResult<Visit> visits(VisitState state, Paging paging) {
    return paging.toResult(store.visits(state, units.visibility(currentUser.get()), paging.offset(),
        paging.fetchSize()), null);
  }

  public Visit visit(UUID id) {
    return store.visit(id, units.visibility(currentUser.get())).orElseThrow(() -> new RecordNotFound("visit"));
  }

  /** PLANNED → IN_PROGRESS: the team has arrived; from now on the unit sees the visit. */
  @Transactional
  public Visit start(UUID id) {
    Visit visit = visit(id);
    if (visit.state() != VisitState.PLANNED || !store.moveVisit(id, VisitState.PLANNED, VisitState.IN_PROGRESS, null,
        clock.instant())) {
      throw Conflict.illegalTransition("supervision.visitIllegal", visit.state());
    }
    return visit(id);
  }

  /** IN_PROGRESS → DONE with a summary; publishes {@link VisitCompleted}. */
  @Transactional
  public Visit complete(UUID id, String summary) {
    Visit visit = visit(id);
    List<FieldProblem> errors = new ArrayList<>();
    String text = summary == null || summary.isBlank() ? null
        : ProblemRectification.text(summary, "summary", 2000, errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    if (visit.state() != VisitState.IN_PROGRESS || !store.moveVisit(id, VisitState.IN_PROGRESS, VisitState.DONE, text,
        clock.instant())) {
      throw Conflict.illegalTransition("supervision.visitIllegal", visit.state());
    }
    Visit done = visit(id);
    events.publishEvent(new VisitCompleted(done.id(), done.planId(), done.unitCode(), done.problemsFound()));
    return done;
  }
}
