package org.epicommand.treatment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.HospitalBindings;
import org.epicommand.treatment.internal.HospitalRow;
import org.epicommand.treatment.internal.HospitalRules;
import org.epicommand.treatment.internal.HospitalStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hospitals (定点、亚定点、方舱、备用医院) as master data, inside the owner's jurisdiction (a hospital
 * operator: only the hospitals they are bound to; any other is 404): created, corrected, activated and
 * stood down here (pages, API, demo) and by the {@code hospitals} import; bed counts by type. A code is
 * taken once (409 naming it); status moves are guarded (409 naming the status). Every change is audited
 * in its transaction.
 */
@Service
public class Hospitals {

  /** The audit subject of a hospital. */
  public static final String SUBJECT = "HOSPITAL";

  private final HospitalStore store;
  private final HospitalBindings bindings;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final int alertPercent;
  private final Clock clock;

  Hospitals(HospitalStore store, HospitalBindings bindings, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, org.springframework.context.ApplicationEventPublisher events,
      org.epicommand.treatment.internal.TreatmentProperties properties, Clock clock) {
    this.events = events;
    this.alertPercent = properties.occupancyAlertPercent();
    this.store = store;
    this.bindings = bindings;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Hospitals the caller sees inside {@code jurisdiction} (or their whole jurisdiction), by code. */
  @Transactional(readOnly = true)
  public PageResult<Hospital> list(String jurisdiction, HospitalStatus status, HospitalKind kind, Paging paging) {
    HospitalStore.Filter filter = filter(jurisdiction, status, kind);
    List<HospitalRow> rows = store.list(filter, paging.offset(), paging.fetchSize());
    return paging.toResult(views(rows), store.count(filter));
  }

  /** Every hospital the caller sees inside {@code jurisdiction}, with beds (the board). */
  @Transactional(readOnly = true)
  public List<Hospital> all(String jurisdiction) {
    return views(store.list(filter(jurisdiction, null, null), 0, 10_000));
  }

  private HospitalStore.Filter filter(String jurisdiction, HospitalStatus status, HospitalKind kind) {
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdiction);
    return new HospitalStore.Filter(scope, bindings.boundUser(user).orElse(null), status, kind);
  }

  @Transactional(readOnly = true)
  public Hospital get(String code) {
    return view(visible(code));
  }

  @Transactional(readOnly = true)
  public Optional<Hospital> find(String code) {
    return visibleRow(code).map(this::view);
  }

  /** The hospitals a hospital operator is bound to; empty for everyone else (who see by jurisdiction). */
  Optional<List<String>> boundCodes() {
    return bindings.boundUser(currentUser.get()).map(user -> bindings.table().entitiesOf(user));
  }

  /** The stored hospital when the caller sees it; 404 otherwise. */
  HospitalRow visible(String code) {
    return visibleRow(code).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private Optional<HospitalRow> visibleRow(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    UserContext user = currentUser.get();
    Optional<String> bound = bindings.boundUser(user);
    return store.find(code.strip()).filter(row -> user.scope().contains(row.jurisdictionPath()))
        .filter(row -> bound.isEmpty() || bindings.isBound(bound.get(), row.code()));
  }

  @Transactional
  public Hospital create(HospitalDetails details) {
    HospitalRules.Checked checked = checked(details);
    if (!store.insert(checked.details(), checked.place().path(), checked.status(), checked.leadHours(),
        clock.instant(), null, null)) {
      throw Conflict.duplicate("treatment.hospital.duplicate", checked.details().code());
    }
    audit.record(AuditAction.CREATE, SUBJECT, checked.details().code(), checked.details().name());
    return get(checked.details().code());
  }

  /** Corrects everything but the code and the status. */
  @Transactional
  public Hospital update(String code, HospitalDetails details) {
    HospitalRow row = visible(code);
    HospitalRules.Checked checked = checked(withCode(details, row.code()));
    write(row, checked);
    return get(row.code());
  }

  private static HospitalDetails withCode(HospitalDetails d, String code) {
    return new HospitalDetails(code, d.name(), d.kind(), d.jurisdictionCode(), d.status(), d.activationLeadHours(),
        d.address(), d.phone());
  }

  private HospitalRules.Checked checked(HospitalDetails details) {
    List<FieldProblem> problems = new ArrayList<>();
    HospitalRules.Checked checked = check(details, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return checked;
  }

  private HospitalRules.Checked check(HospitalDetails details, List<FieldProblem> problems) {
    String place = details == null ? null : details.jurisdictionCode();
    Jurisdiction found = place == null || place.isBlank() ? null : jurisdictions.find(place.strip()).orElse(null);
    return HospitalRules.check(details == null ? new HospitalDetails(null, null, null, null, null, null, null, null)
        : details, found, currentUser.get().scope(), problems);
  }

  /** Stores corrected data when it differs (audited); the same data again changes nothing. */
  private boolean write(HospitalRow row, HospitalRules.Checked checked) {
    HospitalDetails d = checked.details();
    boolean same = row.name().equals(d.name()) && row.kind() == d.kind()
        && row.jurisdictionCode().equals(d.jurisdictionCode()) && row.activationLeadHours() == checked.leadHours()
        && Objects.equals(row.address(), d.address()) && Objects.equals(row.phone(), d.phone());
    if (!same) {
      store.update(d, checked.place().path(), checked.leadHours(), clock.instant());
      audit.record(AuditAction.UPDATE, SUBJECT, row.code(), d.name());
    }
    return !same;
  }

  /** The next step towards ACTIVE (standby → activating → active); 409 when active or stood down. */
  @Transactional
  public Hospital activate(String code) {
    return move(code, HospitalStatus::activated, current -> current == HospitalStatus.ACTIVE
        ? "treatment.hospital.alreadyActive" : "treatment.hospital.cannotActivate");
  }

  /** Stands an activating or active hospital down; 409 otherwise. */
  @Transactional
  public Hospital standDown(String code) {
    return move(code, HospitalStatus::stoodDown, current -> "treatment.hospital.cannotStandDown");
  }

  /** Puts a hospital stood down back on standby (ready to be activated again); 409 otherwise. */
  @Transactional
  public Hospital standBy(String code) {
    return move(code, HospitalStatus::backOnStandby, current -> "treatment.hospital.cannotStandBy");
  }

  private Hospital move(String code, java.util.function.UnaryOperator<HospitalStatus> step,
      java.util.function.Function<HospitalStatus, String> refusal) {
    HospitalRow row = visible(code);
    HospitalStatus current = store.lock(row.code()).orElseThrow().status();
    HospitalStatus next = step.apply(current);
    if (next == null) {
      throw Conflict.illegalTransition(refusal.apply(current), current);
    }
    store.status(row.code(), next, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.code(), "status " + current + " -> " + next);
    return get(row.code());
  }

  /**
   * Sets the beds of one type (a hospital operator: of their hospitals); 400 on bad counts. Beds taken out of
   * service that bring the type's occupancy to the alert share raise {@link BedOccupancyHigh}, as an admission does.
   */
  @Transactional
  public Hospital setBeds(String code, BedType type, BedCount count) {
    HospitalRow row = visible(code);
    List<FieldProblem> problems = new ArrayList<>();
    if (type == null) {
      problems.add(FieldProblem.of("type", "treatment.beds.type"));
    }
    HospitalRules.check(count, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int out = count.outOfService() == null ? 0 : count.outOfService();
    BedLine before = view(row).beds(type);
    if (store.beds(row.code(), type, count.total(), out, clock.instant())) {
      audit.record(AuditAction.UPDATE, SUBJECT, row.code(), "beds " + type + " " + count.total() + "/" + out);
    }
    Hospital after = get(row.code());
    BedOccupancyHigh.crossing(row.code(), row.name(), row.jurisdictionCode(), before, after.beds(type), alertPercent)
        .ifPresent(events::publishEvent);
    return after;
  }

  /** Sets the equipment of one type (a hospital operator: of their hospitals); 400 on bad counts. */
  @Transactional
  public Hospital setEquipment(String code, EquipmentType type, EquipmentCount count) {
    HospitalRow row = visible(code);
    List<FieldProblem> problems = new ArrayList<>();
    if (type == null) {
      problems.add(FieldProblem.of("type", "treatment.equipment.type"));
    }
    HospitalRules.check(count, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int inUse = count.inUse() == null ? 0 : count.inUse();
    if (store.equipment(row.code(), type, count.total(), inUse, clock.instant())) {
      audit.record(AuditAction.UPDATE, SUBJECT, row.code(), "equipment " + type + " " + inUse + "/" + count.total());
    }
    return get(row.code());
  }

  /**
   * One import row, in the batch's transaction: creates the hospital, corrects it when the row says
   * something else, or leaves it; sets the bed counts the row gives. Answers what keeps the row out.
   */
  List<FieldProblem> importRow(HospitalDetails details, Map<BedType, BedCount> beds, java.util.UUID importId,
      int line) {
    List<FieldProblem> problems = new ArrayList<>();
    HospitalRules.Checked checked = check(details, problems);
    beds.values().forEach(count -> HospitalRules.check(count, problems));
    if (!problems.isEmpty()) {
      return problems;
    }
    String code = checked.details().code();
    Optional<HospitalRow> stored = store.find(code);
    if (stored.isPresent() && !currentUser.get().scope().contains(stored.get().jurisdictionPath())) {
      return List.of(FieldProblem.of("code", "treatment.hospital.codeOutsideScope"));
    }
    if (stored.isPresent() && importId.equals(stored.get().sourceImportId())
        && !Objects.equals(stored.get().sourceLine(), line)) {
      return List.of(FieldProblem.of("code", "treatment.hospital.duplicateInFile", stored.get().sourceLine()));
    }
    Instant now = clock.instant();
    if (stored.isEmpty()) {
      store.insert(checked.details(), checked.place().path(), checked.status(), checked.leadHours(), now, importId,
          line);
      audit.record(AuditAction.CREATE, SUBJECT, code, checked.details().name());
    } else {
      write(stored.get(), checked);
      store.stamp(code, importId, line);
    }
    beds.forEach((type, count) -> {
      int out = count.outOfService() == null ? 0 : count.outOfService();
      if (store.beds(code, type, count.total(), out, now)) {
        audit.record(AuditAction.UPDATE, SUBJECT, code, "beds " + type + " " + count.total() + "/" + out);
      }
    });
    return problems;
  }

  private List<Hospital> views(List<HospitalRow> rows) {
    List<String> codes = rows.stream().map(HospitalRow::code).toList();
    Map<String, List<BedLine>> beds = store.beds(codes);
    Map<String, List<EquipmentLine>> equipment = store.equipment(codes);
    Map<String, String> names = new HashMap<>();
    rows.stream().map(HospitalRow::jurisdictionCode).distinct()
        .forEach(c -> jurisdictions.find(c).ifPresent(j -> names.put(c, j.name())));
    return rows.stream().map(row -> view(row, names.get(row.jurisdictionCode()),
        beds.getOrDefault(row.code(), List.of()), equipment.getOrDefault(row.code(), List.of()))).toList();
  }

  private Hospital view(HospitalRow row) {
    return views(List.of(row)).get(0);
  }

  private static Hospital view(HospitalRow row, String jurisdictionName, List<BedLine> beds,
      List<EquipmentLine> equipment) {
    return new Hospital(row.code(), row.name(), row.kind(), row.jurisdictionCode(), jurisdictionName, row.status(),
        row.activationLeadHours(), row.address(), row.phone(), row.statusChangedAt(), List.copyOf(beds),
        List.copyOf(equipment));
  }
}
