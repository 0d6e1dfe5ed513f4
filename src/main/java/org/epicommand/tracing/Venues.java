package org.epicommand.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.internal.VenueRules;
import org.epicommand.tracing.internal.VenueStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venue registry (场所码): code, name, address, type, jurisdiction, optional coordinates. Venues
 * are registered, corrected, retired and reactivated inside the caller's jurisdiction (a venue
 * outside it answers 404 to a change); they are never deleted, and a retired venue refuses new scans.
 * Scans arrive by the venue-scans import, venue lists by the venues import.
 */
@Service
public class Venues {

  static final String SUBJECT = "VENUE";

  private final VenueStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final DivisionBoundaries boundaries;

  Venues(VenueStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock,
      DivisionBoundaries boundaries) {
    this.boundaries = boundaries;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Registers a venue; its division must exist and lie inside the caller's jurisdiction; a taken code is 409. */
  @Transactional
  public Venue register(NewVenue request) {
    NewVenue v = VenueRules.normalise(request);
    List<FieldProblem> problems = new ArrayList<>();
    VenueRules.check(v, true, problems);
    Jurisdiction place = place(v.jurisdictionCode(), problems);
    insideItsDivision(place, v, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Venue venue = new Venue(UUID.randomUUID().toString(), v.code(), v.name(), v.address(), v.type(), place.code(),
        v.lat(), v.lon(), VenueState.ACTIVE, null);
    if (!store.insert(venue, place.path(), clock.instant(), null, null)) {
      throw Conflict.duplicate("tracing.venue.duplicate", store.byCode(venue.code()).map(Venue::id).orElse(null));
    }
    audit.record(AuditAction.CREATE, SUBJECT, venue.id(), venue.code());
    return venue;
  }

  /**
   * Corrects a venue's name, address, type, division or coordinates (its code stays). A retired venue
   * can still be corrected: its history is read by its name.
   */
  @Transactional
  public Venue update(String code, NewVenue request) {
    Venue current = manageable(code);
    NewVenue v = VenueRules.normalise(request);
    List<FieldProblem> problems = new ArrayList<>();
    VenueRules.check(v, false, problems);
    Jurisdiction place = place(v.jurisdictionCode(), problems);
    insideItsDivision(place, v, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Venue venue = new Venue(current.id(), current.code(), v.name(), v.address(), v.type(), place.code(), v.lat(),
        v.lon(), current.state(), current.retiredAt());
    store.update(venue, place.path(), clock.instant(), null, null);
    audit.record(AuditAction.UPDATE, SUBJECT, venue.id(), VenueRules.changes(current, venue));
    return venue;
  }

  /** A venue's coordinates lie inside its division's boundary (where the division has one). */
  private void insideItsDivision(Jurisdiction place, NewVenue venue, List<FieldProblem> problems) {
    if (place != null) {
      boundaries.checkInside(place.code(), venue.lat(), venue.lon(), "lat", problems);
    }
  }

  /** Retires a venue: it stays with its scans and refuses new ones; already retired → 409. */
  @Transactional
  public Venue retire(String code) {
    return changeState(code, VenueState.RETIRED);
  }

  /** Takes a retired venue back into use; already active → 409. */
  @Transactional
  public Venue reactivate(String code) {
    return changeState(code, VenueState.ACTIVE);
  }

  private Venue changeState(String code, VenueState target) {
    Venue current = manageable(code);
    Instant now = clock.instant();
    if (current.state() == target || !store.changeState(current.id(), target, now)) {
      throw Conflict.illegalTransition(target == VenueState.RETIRED ? "tracing.venue.alreadyRetired"
          : "tracing.venue.alreadyActive", current.state());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, current.id(), target.name());
    return store.byCode(current.code()).orElseThrow();
  }

  /**
   * Venues of the caller's jurisdiction or of a division inside it (404 outside); {@code q}: a code
   * prefix or part of the name; {@code type}: null for all; {@code state}: null for all.
   */
  public PageResult<Venue> list(String q, String jurisdiction, VenueType type, VenueState state, Paging paging) {
    String query = q == null || q.isBlank() ? null : q.strip();
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    return paging.toResult(store.list(scope, query, type, state, paging.offset(), paging.fetchSize()), null);
  }

  /** A venue by code (venues are not personal data: any code is readable by case workers). */
  public Venue get(String code) {
    return find(code).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  public Optional<Venue> find(String code) {
    return code == null ? Optional.empty() : store.byCode(code.strip());
  }

  /** A venue the caller may change: inside their jurisdiction, else 404 as if it did not exist. */
  public Venue manageable(String code) {
    JurisdictionScope scope = currentUser.get().scope();
    return (code == null ? Optional.<VenueStore.Stored>empty() : store.find(code.strip()))
        .filter(s -> scope.contains(s.path())).map(VenueStore.Stored::venue)
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private Jurisdiction place(String code, List<FieldProblem> problems) {
    Jurisdiction place = code == null ? null : jurisdictions.find(code).orElse(null);
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!currentUser.get().scope().contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "tracing.venue.outsideScope"));
    }
    return place;
  }
}
