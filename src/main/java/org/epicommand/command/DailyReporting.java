package org.epicommand.command;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.command.internal.DailyReportStore;
import org.epicommand.command.internal.DailyReportStore.StoredReport;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily and zero reports (日报、零报告): each reporting unit files each day by the template's deadline
 * (the next day at its time of day); a day with nothing to report needs an explicit zero report. A
 * report filed after the deadline is LATE whatever it holds. A unit files once per day: a second
 * filing is a 409 naming the existing report, which the unit may then correct (the status keeps the
 * time of the first filing, so a correction never turns LATE into on time).
 */
@Service
public class DailyReporting {

  public record NewReport(UUID templateId, String unitCode, LocalDate date, Boolean zero, Map<String, Object> values) {}

  /** New figures (or zero) made from the report's {@code version}; a correction from an older one is a 409. */
  public record Correction(Boolean zero, Map<String, Object> values, Integer version) {}

  /** One row of the completeness list (docs/api.md: exactly these fields). */
  public record Completeness(String unitCode, String unitName, ReportStatus status) {}

  public record Matrix(UUID templateId, List<LocalDate> days, List<MatrixRow> rows) {}

  public record MatrixRow(String unitCode, String unitName, List<ReportStatus> statuses) {}

  /**
   * The city's consolidated report of a day: {@code totals} sum the numeric fields over the units of
   * one kind, {@code totalsKind} (the districts when any district filed — together they cover the city
   * — else the first kind that filed: streets, communities, departments, working groups, the office),
   * never over departments and districts together; {@code totalsByKind} gives each kind's own sums, and
   * {@code unitKinds} each filing unit's kind.
   */
  public record Consolidated(LocalDate date, ReportTemplate template, Map<ReportStatus, Integer> counts,
      Map<String, BigDecimal> totals, UnitKind totalsKind, Map<UnitKind, Map<String, BigDecimal>> totalsByKind,
      List<DailyReportView> reports, Map<String, UnitKind> unitKinds) {}

  /** The units whose reports are about their division: pre-filled from the platform's figures. */
  static final java.util.Set<UnitKind> TERRITORIAL = java.util.EnumSet.of(UnitKind.DISTRICT, UnitKind.STREET,
      UnitKind.COMMUNITY);

  /** The order in which a kind is chosen to make the city's totals: the territorial kinds from the top. */
  static final List<UnitKind> TOTALS_ORDER = List.of(UnitKind.DISTRICT, UnitKind.STREET, UnitKind.COMMUNITY,
      UnitKind.DEPARTMENT, UnitKind.WORKING_GROUP, UnitKind.OFFICE);

  static final int MAX_MATRIX_DAYS = 62;

  private final DailyReportStore store;
  private final ReportTemplates templates;
  private final CommandOrganisation organisation;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Map<String, org.epicommand.shared.DayFigure> figures;

  DailyReporting(DailyReportStore store, ReportTemplates templates, CommandOrganisation organisation,
      CurrentUser currentUser, Clock clock, List<org.epicommand.shared.DayFigure> figures) {
    this.figures = new LinkedHashMap<>();
    figures.forEach(figure -> this.figures.put(figure.key(), figure));
    this.store = store;
    this.templates = templates;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The template; null names the default. */
  public ReportTemplate template(UUID id) {
    return templates.get(id);
  }

  /** When a day's report is due: the next day at the template's time of day, in the city's zone. */
  public Instant deadline(ReportTemplate template, LocalDate date) {
    return date.plusDays(1).atStartOfDay(zone()).plusMinutes(template.deadlineMinutes()).toInstant();
  }

  /** Files the caller's unit's report for a day; a second filing for the same unit and day is a 409. */
  @Transactional
  public DailyReportView submit(NewReport request) {
    Unit unit = reportingUnitOfCaller(request.unitCode());
    ReportTemplate template = request.templateId() == null ? templates.of(unit) : template(request.templateId());
    templates.requireInUse(template);
    List<FieldProblem> problems = new ArrayList<>();
    if (templates.owing(template, List.of(unit)).isEmpty()) {
      problems.add(FieldProblem.of("templateId", "command.report.notOwed", template.name()));
    }
    if (request.date() == null) {
      problems.add(FieldProblem.of("date", "command.report.date"));
    } else if (request.date().isAfter(LocalDate.now(clock))) {
      problems.add(FieldProblem.of("date", "command.report.future"));
    }
    boolean zero = Boolean.TRUE.equals(request.zero());
    Map<String, Object> values = checkValues(template, zero, request.values(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    organisation.requireActiveOn(unit, request.date());
    Instant now = clock.instant();
    ReportStatus status = now.isAfter(deadline(template, request.date())) ? ReportStatus.LATE
        : zero ? ReportStatus.ZERO : ReportStatus.SUBMITTED;
    UUID id = UUID.randomUUID();
    if (!store.insert(id, template.id(), unit.code(), request.date(), zero, values, status,
        currentUser.get().username(), now)) {
      StoredReport existing = store.find(template.id(), unit.code(), request.date()).orElseThrow();
      throw Conflict.duplicate("command.report.duplicate", existing.id().toString());
    }
    return view(store.lock(id).orElseThrow());
  }

  /** Corrects a filed report: new figures or zero, the status still decided by the first filing's time. */
  @Transactional
  public DailyReportView correct(UUID id, Correction request) {
    StoredReport report = store.lock(id).orElseThrow(() -> new RecordNotFound("report"));
    organisation.requireWorkFor(report.unitCode());
    ReportTemplate template = template(report.templateId());
    List<FieldProblem> problems = new ArrayList<>();
    boolean zero = Boolean.TRUE.equals(request.zero());
    Map<String, Object> values = checkValues(template, zero, request.values(), problems);
    if (request.version() == null) {
      problems.add(FieldProblem.of("version", "required"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (request.version() != report.version()) {
      throw Conflict.of("command.report.staleVersion");
    }
    ReportStatus status = report.status() == ReportStatus.LATE ? ReportStatus.LATE
        : zero ? ReportStatus.ZERO : ReportStatus.SUBMITTED;
    store.correct(id, zero, values, status, currentUser.get().username(), clock.instant());
    return view(store.lock(id).orElseThrow());
  }

  /** A unit's report for a day: of the template named, else of the unit's own template. */
  public DailyReportView get(UUID templateId, String unitCode, LocalDate date) {
    Unit unit = organisation.requireWorkFor(unitCode);
    ReportTemplate template = templateId == null ? templates.of(unit) : template(templateId);
    return store.find(template.id(), unitCode, date).map(this::view)
        .orElseThrow(() -> new RecordNotFound("report"));
  }

  /** Per reporting unit that owes the template that day, the status of its report (docs/api.md contract). */
  public List<Completeness> completeness(UUID templateId, LocalDate date) {
    requireDate(date, "date");
    Matrix matrix = matrix(templateId, date, date);
    return matrix.rows().stream().map(row -> new Completeness(row.unitCode(), row.unitName(), row.statuses().get(0)))
        .toList();
  }

  /**
   * Units × days, each cell the unit's status that day; the units are those that owe the template and
   * were not retired by the first day; a day from a unit's retirement on is null (nothing owed).
   */
  public Matrix matrix(UUID templateId, LocalDate from, LocalDate to) {
    requireDate(from, "from");
    requireDate(to, "to");
    if (to.isBefore(from) || from.plusDays(MAX_MATRIX_DAYS - 1).isBefore(to)) {
      throw new ValidationFailure(FieldProblem.of("to", "command.report.range", MAX_MATRIX_DAYS));
    }
    ReportTemplate template = template(templateId);
    List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
    Map<String, ReportStatus[]> filed = new java.util.HashMap<>();
    for (DailyReportStore.Cell cell : store.cells(template.id(), from, to)) {
      ReportStatus[] row = filed.computeIfAbsent(cell.unitCode(), code -> missing(days.size()));
      row[(int) java.time.temporal.ChronoUnit.DAYS.between(from, cell.date())] = cell.status();
    }
    List<MatrixRow> rows = templates.owing(template, organisation.reportingUnits(from)).stream()
        .map(unit -> new MatrixRow(unit.code(), unit.name(), owed(filed.getOrDefault(unit.code(),
            missing(days.size())), unit, days))).toList();
    return new Matrix(template.id(), days, rows);
  }

  public Consolidated consolidated(UUID templateId, LocalDate date) {
    requireDate(date, "date");
    ReportTemplate template = template(templateId);
    List<String> numeric = template.fields().stream().filter(f -> f.type().numeric()).map(ReportTemplate.Field::key)
        .toList();
    Map<ReportStatus, Integer> counts = new LinkedHashMap<>();
    for (ReportStatus status : ReportStatus.values()) {
      counts.put(status, 0);
    }
    completeness(template.id(), date).forEach(row -> counts.merge(row.status(), 1, Integer::sum));
    List<DailyReportView> reports = store.reports(template.id(), date).stream().map(this::view).toList();
    Map<String, UnitKind> kinds = new LinkedHashMap<>();
    organisation.units().forEach(unit -> kinds.put(unit.code(), unit.kind()));
    Map<UnitKind, Map<String, BigDecimal>> byKind = new java.util.EnumMap<>(UnitKind.class);
    Map<String, UnitKind> unitKinds = new LinkedHashMap<>();
    for (DailyReportView report : reports) {
      UnitKind kind = kinds.getOrDefault(report.unitCode(), UnitKind.DEPARTMENT);
      unitKinds.put(report.unitCode(), kind);
      Map<String, BigDecimal> sums = byKind.computeIfAbsent(kind, k -> zeros(numeric));
      for (String key : numeric) {
        if (!report.zero() && report.values().get(key) instanceof Number n) {
          sums.merge(key, new BigDecimal(n.toString()), BigDecimal::add);
        }
      }
    }
    UnitKind totalsKind = TOTALS_ORDER.stream().filter(byKind::containsKey).findFirst().orElse(null);
    Map<String, BigDecimal> totals = totalsKind == null ? zeros(numeric) : byKind.get(totalsKind);
    return new Consolidated(date, template, counts, totals, totalsKind, byKind, reports, unitKinds);
  }

  private static Map<String, BigDecimal> zeros(List<String> keys) {
    Map<String, BigDecimal> zeros = new LinkedHashMap<>();
    keys.forEach(key -> zeros.put(key, BigDecimal.ZERO));
    return zeros;
  }

  /**
   * What the platform itself knows of a unit's division on a day, for the template's numeric fields
   * that have such a figure (DayFigure: newCases, closeContactsTraced, underQuarantine, ordersOpened,
   * testsDone): field key to figure. Only for the territorial units (districts, streets, communities),
   * whose reports are about their division; empty for departments, working groups and the office.
   */
  public Map<String, Long> platformFigures(Unit unit, ReportTemplate template, LocalDate day) {
    Map<String, Long> known = new LinkedHashMap<>();
    if (unit == null || unit.jurisdictionCode() == null || day == null || !TERRITORIAL.contains(unit.kind())) {
      return known;
    }
    for (ReportTemplate.Field field : template.fields()) {
      if (field.type().numeric() && figures.containsKey(field.key())) {
        known.put(field.key(), figures.get(field.key()).of(unit.jurisdictionCode(), day));
      }
    }
    return known;
  }

  /**
   * The reporting unit the caller files for: the one named, if they belong to it, or their first
   * reporting unit (one in service first).
   */
  public Unit reportingUnitOfCaller(String unitCode) {
    LocalDate today = LocalDate.now(clock);
    // a unit still in service before one that has been retired
    return organisation.unitsOf(currentUser.get().username()).stream().filter(Unit::reporting)
        .filter(u -> unitCode == null || u.code().equals(unitCode))
        .sorted(java.util.Comparator.comparing((Unit u) -> !u.activeOn(today))).findFirst()
        .orElseThrow(() -> new RecordNotFound("unit"));
  }

  private Map<String, Object> checkValues(ReportTemplate template, boolean zero, Map<String, Object> given,
      List<FieldProblem> problems) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> input = given == null ? Map.of() : given;
    Set<String> known = new HashSet<>();
    for (ReportTemplate.Field field : template.fields()) {
      known.add(field.key());
      Object value = input.get(field.key());
      if (zero) {
        continue; // a zero report says there is nothing to report: figures are not kept
      }
      switch (field.type()) {
        case INTEGER -> {
          if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())
              && n.doubleValue() < 1e12) {
            values.put(field.key(), n.longValue());
          } else {
            problems.add(FieldProblem.of("values." + field.key(), "command.report.integer", field.label()));
          }
        }
        case DECIMAL -> {
          if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() < 1e12) {
            values.put(field.key(), new BigDecimal(n.toString()));
          } else {
            problems.add(FieldProblem.of("values." + field.key(), "command.report.decimal", field.label()));
          }
        }
        case TEXT -> {
          if (value == null || value instanceof String s && s.length() <= 500) {
            if (value != null && !((String) value).isBlank()) {
              values.put(field.key(), ((String) value).strip());
            }
          } else {
            problems.add(FieldProblem.of("values." + field.key(), "command.report.text", field.label()));
          }
        }
      }
    }
    input.keySet().stream().filter(key -> !known.contains(key)).sorted()
        .forEach(key -> problems.add(FieldProblem.of("values." + key, "command.report.unknownField")));
    return values;
  }

  /** The row with the days from the unit's retirement on emptied (nothing owed). */
  private static List<ReportStatus> owed(ReportStatus[] row, Unit unit, List<LocalDate> days) {
    if (unit.retiredOn() == null) {
      return List.of(row);
    }
    List<ReportStatus> statuses = new ArrayList<>(row.length);
    for (int i = 0; i < row.length; i++) {
      statuses.add(unit.activeOn(days.get(i)) ? row[i] : null);
    }
    return java.util.Collections.unmodifiableList(statuses);
  }

  private static ReportStatus[] missing(int days) {
    ReportStatus[] row = new ReportStatus[days];
    java.util.Arrays.fill(row, ReportStatus.MISSING);
    return row;
  }

  private static void requireDate(LocalDate date, String field) {
    if (date == null) {
      throw new ValidationFailure(FieldProblem.of(field, "command.report.date"));
    }
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private DailyReportView view(StoredReport r) {
    ZoneId zone = zone();
    return new DailyReportView(r.id(), r.templateId(), r.unitCode(), r.unitName(), r.date(), r.zero(), r.values(),
        r.status(), r.submittedBy(), r.submittedAt().atZone(zone).toOffsetDateTime(), r.correctedBy(),
        r.correctedAt() == null ? null : r.correctedAt().atZone(zone).toOffsetDateTime(), r.version());
  }
}
