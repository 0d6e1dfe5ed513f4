package org.epicommand.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.command.internal.DailyReportStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily-report templates (日报模板): created and edited by the command office, one of them the
 * default, each assigned to the unit kinds that file it. Which templates a unit owes: the one
 * assigned to its kind, else the default, and every city-wide special report (a template that is
 * neither the default nor assigned to a kind).
 */
@Service
public class ReportTemplates {

  /** A template as entered: its name, typed fields and deadline "HH:mm" (default 10:00). */
  public record NewTemplate(String name, List<ReportTemplate.Field> fields, String deadline) {}

  static final String SUBJECT = "COMMAND_REPORT_TEMPLATE";

  private final DailyReportStore store;
  private final CommandOrganisation organisation;
  private final AuditTrail audit;
  private final Clock clock;

  ReportTemplates(DailyReportStore store, CommandOrganisation organisation, AuditTrail audit, Clock clock) {
    this.store = store;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every template, the default first. */
  public List<ReportTemplate> list() {
    return store.templates();
  }

  /** The template; null names the default. */
  public ReportTemplate get(UUID id) {
    return id == null ? store.defaultTemplate().orElseThrow(() -> new RecordNotFound("template"))
        : store.template(id).orElseThrow(() -> new RecordNotFound("template"));
  }

  /** The template a unit files: the one assigned to its kind, else the default. */
  public ReportTemplate of(Unit unit) {
    UUID assigned = store.assignedKinds().get(unit.kind());
    return get(assigned);
  }

  /** The templates a unit owes each day: its own and the city-wide special reports. */
  public List<ReportTemplate> owedBy(Unit unit) {
    Map<UnitKind, UUID> assigned = store.assignedKinds();
    return store.templates().stream().filter(t -> owes(t, unit, assigned)).toList();
  }

  /** The units of a list that owe a template. */
  public List<Unit> owing(ReportTemplate template, List<Unit> units) {
    Map<UnitKind, UUID> assigned = store.assignedKinds();
    return units.stream().filter(unit -> owes(template, unit, assigned)).toList();
  }

  @Transactional
  public ReportTemplate create(NewTemplate request) {
    organisation.requireManage();
    ReportTemplate template = checked(UUID.randomUUID(), request, false, List.of(), null);
    store.insertTemplate(template, clock.instant());
    audit.record(AuditAction.CREATE, SUBJECT, template.id().toString(), template.name());
    return template;
  }

  /** Edits name, fields and deadline; reports filed before keep the figures they were filed with. */
  @Transactional
  public ReportTemplate update(UUID id, NewTemplate request) {
    organisation.requireManage();
    ReportTemplate existing = get(id == null ? new UUID(0, 0) : id);
    ReportTemplate template = checked(existing.id(), request, existing.isDefault(), existing.kinds(),
        existing.retiredOn());
    store.updateTemplate(template, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), template.name());
    return get(id);
  }

  /** Makes a template the default (idempotent): units of kinds without an assigned template file it from now on. */
  @Transactional
  public ReportTemplate makeDefault(UUID id) {
    organisation.requireManage();
    requireInUse(get(id == null ? new UUID(0, 0) : id));
    store.lockTemplates();
    store.makeDefault(id, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "default");
    return get(id);
  }

  /** Exactly these unit kinds file the template from now on (taken from any template they had before). */
  @Transactional
  public ReportTemplate assignKinds(UUID id, List<UnitKind> kinds) {
    organisation.requireManage();
    requireInUse(get(id == null ? new UUID(0, 0) : id));
    if (kinds == null || kinds.contains(null)) {
      throw new ValidationFailure(FieldProblem.of("kinds", "command.template.kinds"));
    }
    Set<UnitKind> distinct = kinds.isEmpty() ? EnumSet.noneOf(UnitKind.class) : EnumSet.copyOf(kinds);
    store.lockTemplates();
    store.assignKinds(id, distinct);
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "kinds " + distinct);
    return get(id);
  }

  /**
   * Retires a template from today: no unit owes it or may file it any more, the kinds assigned to
   * it file the default; the reports filed on it stay. The default cannot be retired (make another
   * the default first); a retired template again is a 409.
   */
  @Transactional
  public ReportTemplate retire(UUID id) {
    organisation.requireManage();
    ReportTemplate template = get(id == null ? new UUID(0, 0) : id);
    requireInUse(template);
    if (template.isDefault()) {
      throw Conflict.of("command.template.defaultRetired");
    }
    store.lockTemplates();
    store.retireTemplate(id, organisation.today(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "retired");
    return get(id);
  }

  /** A 409 when the template has been retired. */
  void requireInUse(ReportTemplate template) {
    if (template.retiredOn() != null) {
      throw Conflict.illegalTransition("command.template.retired", UnitState.RETIRED);
    }
  }

  private ReportTemplate checked(UUID id, NewTemplate request, boolean isDefault, List<UnitKind> kinds,
      java.time.LocalDate retiredOn) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
      problems.add(FieldProblem.of("name", "command.template.name"));
    }
    List<ReportTemplate.Field> fields = request.fields() == null ? List.of() : request.fields();
    if (fields.isEmpty() || fields.size() > 30) {
      problems.add(FieldProblem.of("fields", "command.template.fields"));
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      ReportTemplate.Field field = fields.get(i);
      if (field == null || field.key() == null || !field.key().matches("[A-Za-z][A-Za-z0-9]{0,39}")
          || !keys.add(field.key())) {
        problems.add(FieldProblem.of("fields[" + i + "].key", "command.template.key"));
      }
      if (field == null || field.label() == null || field.label().isBlank() || field.label().length() > 50) {
        problems.add(FieldProblem.of("fields[" + i + "].label", "command.template.label"));
      }
      if (field == null || field.type() == null) {
        problems.add(FieldProblem.of("fields[" + i + "].type", "command.template.type"));
      }
    }
    String deadline = request.deadline() == null || request.deadline().isBlank() ? "10:00" : request.deadline().strip();
    if (ReportTemplate.deadlineMinutes(deadline) < 0) {
      problems.add(FieldProblem.of("deadline", "command.template.deadline"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String name = request.name().strip();
    store.templateByName(name).filter(other -> !other.equals(id)).ifPresent(existing -> {
      throw Conflict.duplicate("command.template.duplicate", existing.toString());
    });
    return new ReportTemplate(id, name, List.copyOf(fields),
        ReportTemplate.deadline(ReportTemplate.deadlineMinutes(deadline)), isDefault, kinds, retiredOn);
  }

  private static boolean owes(ReportTemplate template, Unit unit, Map<UnitKind, UUID> assigned) {
    if (template.retiredOn() != null) {
      return false;
    }
    UUID own = assigned.get(unit.kind());
    return own == null ? template.isDefault() || template.cityWide() : own.equals(template.id())
        || template.cityWide();
  }
}
