package org.epicommand.organisation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationsChanged;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations kept by their keepers inside their jurisdiction: registered once per credit code (409
 * naming the existing one), corrected (the code never changes), retired and taken back (409 naming the
 * state). Every change is audited in its transaction and published as {@link OrganisationsChanged}.
 */
@Component
public class OrganisationBook {

  /** The audit subject of an organisation. */
  public static final String SUBJECT = "ORGANISATION";

  /** A state a retire or reactivate step found the organisation in (for the 409). */
  public enum Status { ACTIVE, RETIRED }

  private final DirectoryStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrganisationBook(DirectoryStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public OrganisationRow create(OrganisationDetails raw) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = OrganisationRules.creditCode(raw.creditCode(), problems);
    Checked checked = check(code, raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    if (store.insertAll(List.of(stored(id, checked, null, null, null)), clock.instant()).isEmpty()) {
      throw Conflict.duplicate("organisation.duplicate", store.findByCode(code).orElseThrow().id().toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), checked.details().name());
    return published(store.find(id).orElseThrow());
  }

  @Transactional
  public OrganisationRow update(OrganisationRow row, OrganisationDetails raw) {
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = check(row.creditCode(), raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return write(row, checked) ? published(store.find(row.id()).orElseThrow()) : row;
  }

  @Transactional
  public OrganisationRow retire(OrganisationRow row) {
    if (row.retired()) {
      throw Conflict.illegalTransition("organisation.alreadyRetired", Status.RETIRED);
    }
    Instant now = clock.instant();
    store.retire(row.id(), now, now);
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "retired");
    return published(store.find(row.id()).orElseThrow());
  }

  @Transactional
  public OrganisationRow reactivate(OrganisationRow row) {
    if (!row.retired()) {
      throw Conflict.illegalTransition("organisation.alreadyActive", Status.ACTIVE);
    }
    store.retire(row.id(), null, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "back in service");
    return published(store.find(row.id()).orElseThrow());
  }

  /** An import row as it will be stored: a new organisation, or a known one with or without a change. */
  record Staged(OrganisationRow row, boolean added, boolean changed) {}

  /**
   * One import row, checked as the API checks it: answers the organisation as the row will store it —
   * registered, corrected, or as it is (then only the import line is remembered) — or nothing, with the
   * problems that keep the row out. Writes nothing: the batch is stored by {@link #storeImported}.
   */
  Optional<Staged> stageImportRow(String code, Optional<OrganisationRow> stored, OrganisationDetails raw,
      UUID importId, int line, List<FieldProblem> problems,
      Function<String, Optional<Jurisdiction.InDistrict>> places) {
    JurisdictionScope scope = currentUser.get().scope();
    if (stored.isPresent() && !scope.contains(stored.get().path())) {
      problems.add(FieldProblem.of("creditCode", "organisation.codeOutsideScope"));
      return Optional.empty();
    }
    if (stored.isPresent() && importId.equals(stored.get().sourceImportId())
        && !Objects.equals(stored.get().sourceLine(), line)) {
      problems.add(FieldProblem.of("creditCode", "organisation.duplicateInFile", stored.get().sourceLine()));
      return Optional.empty();
    }
    Checked checked = check(code, raw, problems, places);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    if (stored.isEmpty()) {
      return Optional.of(new Staged(stored(UUID.randomUUID(), checked, null, importId, line), true, true));
    }
    OrganisationRow old = stored.get();
    if (checked.details().equals(old.data())) {
      return Optional.of(new Staged(new OrganisationRow(old.id(), old.data(), old.jurisdictionPath(),
          old.districtCode(), old.path(), old.retiredAt(), importId, line), false, false));
    }
    return Optional.of(new Staged(stored(old.id(), checked, old.retiredAt(), importId, line), false, true));
  }

  /** The organisation as the checked details store it: in its division, the division's path and its code. */
  private static OrganisationRow stored(UUID id, Checked checked, java.time.OffsetDateTime retiredAt, UUID importId,
      Integer line) {
    String at = checked.place().path();
    return new OrganisationRow(id, checked.details(), at, checked.district(), at + checked.details().creditCode()
        + "/", retiredAt, importId, line);
  }

  /**
   * Stores an import batch's staged rows in its transaction: the new organisations in one statement, the
   * known ones in another, and one audit event per organisation registered or changed, all in one more.
   * Answers the staged new ones that were not stored: their credit code was registered meanwhile.
   */
  List<Staged> storeImported(List<Staged> staged) {
    Instant now = clock.instant();
    Set<UUID> inserted = store.insertAll(staged.stream().filter(Staged::added).map(Staged::row).toList(), now);
    List<Staged> known = staged.stream().filter(s -> !s.added()).toList();
    store.updateAll(known.stream().map(Staged::row).toList(),
        known.stream().filter(Staged::changed).map(s -> s.row().id()).collect(Collectors.toSet()), now);
    audit.recordAll(SUBJECT, staged.stream()
        .filter(s -> s.changed() && (!s.added() || inserted.contains(s.row().id())))
        .map(s -> new AuditTrail.Entry(s.added() ? AuditAction.CREATE : AuditAction.UPDATE, s.row().id().toString(),
            s.row().data().name())).toList());
    return staged.stream().filter(s -> s.added() && !inserted.contains(s.row().id())).toList();
  }

  /** The division of this code and its district, or nothing when there is no such division. */
  private Optional<Jurisdiction.InDistrict> place(String division) {
    return Optional.ofNullable(jurisdictions.findInDistricts(List.of(division)).get(division));
  }

  /** Stores corrected details when they differ (audited); the same details again change nothing. */
  private boolean write(OrganisationRow row, Checked checked) {
    if (checked.details().equals(row.data())) {
      return false;
    }
    store.updateAll(List.of(stored(row.id(), checked, row.retiredAt(), row.sourceImportId(), row.sourceLine())),
        Set.of(row.id()), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), checked.details().name());
    return true;
  }

  private OrganisationRow published(OrganisationRow row) {
    events.publishEvent(new OrganisationsChanged(List.of(row.snapshot())));
    return row;
  }

  /** The details checked, their division and its county-level district. */
  record Checked(OrganisationDetails details, Jurisdiction place, String district) {}

  private Checked check(String code, OrganisationDetails raw, List<FieldProblem> problems) {
    return check(code, raw, problems, this::place);
  }

  private Checked check(String code, OrganisationDetails raw, List<FieldProblem> problems,
      Function<String, Optional<Jurisdiction.InDistrict>> places) {
    String division = raw.jurisdictionCode();
    Jurisdiction.InDistrict place = division == null || division.isBlank() ? null
        : places.apply(division.strip()).orElse(null);
    OrganisationDetails details = OrganisationRules.check(code, raw, place == null ? null : place.division(),
        currentUser.get().scope(), problems);
    if (details == null || code == null) {
      return new Checked(null, null, null);
    }
    return new Checked(details, place.division(), place.districtCode());
  }
}
