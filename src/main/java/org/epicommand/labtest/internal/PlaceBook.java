package org.epicommand.labtest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.labtest.ServiceStatus;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sampling sites and labs kept by their owners, inside the owner's jurisdiction: a record outside it
 * does not exist for them (404; a lab without a jurisdiction is everyone's). A code is taken once
 * (409 naming it); retiring and taking back into service are moves from the other state only (409
 * naming the state). Every change is audited in its transaction.
 */
@Component
public class PlaceBook {

  private final PlaceStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final DivisionBoundaries boundaries;

  PlaceBook(PlaceStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock,
      DivisionBoundaries boundaries) {
    this.boundaries = boundaries;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** A page of records inside the caller's jurisdiction or a part of it, by code; {@code query}: the exact code or part
   * of the name. */
  public PageResult<PlaceRow> list(PlaceKind kind, String jurisdiction, Boolean active, String query, Paging paging) {
    boolean narrowed = jurisdiction != null && !jurisdiction.isBlank();
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    PlaceStore.Filter filter = new PlaceStore.Filter(scope, kind.mayBeUnplaced() && !narrowed, active,
        query == null || query.isBlank() ? null : query.strip());
    return paging.toResult(store.list(kind, filter, paging.offset(), paging.fetchSize()), store.count(kind, filter));
  }

  public PlaceRow get(PlaceKind kind, String code) {
    return find(kind, code).orElseThrow(() -> new RecordNotFound(kind.subject));
  }

  /** A record inside the caller's jurisdiction. */
  public Optional<PlaceRow> find(PlaceKind kind, String code) {
    JurisdictionScope scope = currentUser.get().scope();
    return code == null ? Optional.empty() : store.find(kind, code.strip()).filter(row -> inScope(row, scope));
  }

  private static boolean inScope(PlaceRow row, JurisdictionScope scope) {
    return row.jurisdictionPath() == null ? row.kind().mayBeUnplaced() : scope.contains(row.jurisdictionPath());
  }

  @Transactional
  public PlaceRow create(PlaceKind kind, String code, PlaceData raw) {
    List<FieldProblem> problems = new ArrayList<>();
    String checkedCode = PlaceRules.code(code, problems);
    PlaceRules.Checked checked = check(kind, raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (!store.insert(kind, checkedCode, checked.data(), checked.place().path(), clock.instant(), null, null)) {
      throw Conflict.duplicate(kind.key("duplicate"), checkedCode);
    }
    audit.record(AuditAction.CREATE, kind.subject, checkedCode, checked.data().name());
    return store.find(kind, checkedCode).orElseThrow();
  }

  @Transactional
  public PlaceRow update(PlaceKind kind, String code, PlaceData raw) {
    PlaceRow row = get(kind, code);
    List<FieldProblem> problems = new ArrayList<>();
    PlaceRules.Checked checked = check(kind, raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    write(row, checked);
    return store.find(kind, row.code()).orElseThrow();
  }

  /** Stores corrected data when it differs (audited); the same data again changes nothing. */
  private void write(PlaceRow row, PlaceRules.Checked checked) {
    if (!checked.data().equals(row.data())) {
      store.update(row.kind(), row.code(), checked.data(), checked.place().path(), clock.instant());
      audit.record(AuditAction.UPDATE, row.kind().subject, row.code(), checked.data().name());
    }
  }

  @Transactional
  public PlaceRow retire(PlaceKind kind, String code) {
    PlaceRow row = get(kind, code);
    if (row.retired()) {
      throw Conflict.illegalTransition(kind.key("alreadyRetired"), ServiceStatus.RETIRED);
    }
    Instant now = clock.instant();
    store.retire(kind, row.code(), now, now);
    audit.record(AuditAction.UPDATE, kind.subject, row.code(), "retired");
    return store.find(kind, row.code()).orElseThrow();
  }

  @Transactional
  public PlaceRow reactivate(PlaceKind kind, String code) {
    PlaceRow row = get(kind, code);
    if (!row.retired()) {
      throw Conflict.illegalTransition(kind.key("alreadyActive"), ServiceStatus.ACTIVE);
    }
    store.retire(kind, row.code(), null, clock.instant());
    audit.record(AuditAction.UPDATE, kind.subject, row.code(), "back in service");
    return store.find(kind, row.code()).orElseThrow();
  }

  /**
   * One import row, in the batch's transaction: creates the record, corrects it when the row says
   * something else, or leaves it as it is. Answers what keeps the row out (nothing: imported).
   */
  List<FieldProblem> importRow(PlaceKind kind, String code, Optional<PlaceRow> stored, PlaceData raw, UUID importId,
      int line) {
    List<FieldProblem> problems = new ArrayList<>();
    if (stored.isPresent() && !inScope(stored.get(), currentUser.get().scope())) {
      problems.add(FieldProblem.of("code", "labtest.place.codeOutsideScope"));
      return problems;
    }
    if (stored.isPresent() && importId.equals(stored.get().sourceImportId())
        && !java.util.Objects.equals(stored.get().sourceLine(), line)) {
      problems.add(FieldProblem.of("code", "labtest.place.duplicateInFile", stored.get().sourceLine()));
      return problems;
    }
    PlaceRules.Checked checked = check(kind, raw, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    if (stored.isEmpty()) {
      store.insert(kind, code, checked.data(), checked.place().path(), clock.instant(), importId, line);
      audit.record(AuditAction.CREATE, kind.subject, code, checked.data().name());
    } else {
      write(stored.get(), checked);
      store.stamp(kind, code, importId, line);
    }
    return problems;
  }

  private PlaceRules.Checked check(PlaceKind kind, PlaceData raw, List<FieldProblem> problems) {
    String code = raw.jurisdictionCode();
    Jurisdiction place = code == null || code.isBlank() ? null : jurisdictions.find(code.strip()).orElse(null);
    PlaceRules.Checked checked = PlaceRules.check(kind, raw, place, currentUser.get().scope(), problems);
    PlaceData data = checked == null ? null : checked.data();
    if (data != null && data.latitude() != null && data.longitude() != null) {
      // the coordinates lie inside the division's boundary, where it has one
      int before = problems.size();
      boundaries.checkInside(place.code(), data.latitude().doubleValue(), data.longitude().doubleValue(), "latitude",
          problems);
      return problems.size() > before ? null : checked;
    }
    return checked;
  }

  /** The names of divisions by code, for showing records with names, not codes. */
  public Map<String, String> names(Collection<String> codes) {
    Map<String, String> names = new HashMap<>();
    codes.stream().filter(java.util.Objects::nonNull).distinct()
        .forEach(code -> jurisdictions.find(code).ifPresent(j -> names.put(code, j.name())));
    return names;
  }
}
