package org.epicommand.tracing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.internal.VenueStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The venue registry (场所码): code, name, address, type, jurisdiction. Scans arrive by the venue-scans import. */
@Service
public class Venues {

  private final VenueStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Venues(VenueStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Venue register(String code, String name, String address, VenueType type, String jurisdictionCode) {
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !code.strip().matches("[A-Za-z0-9_-]{1,64}")) {
      problems.add(FieldProblem.of("code", "tracing.venue.code"));
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      problems.add(FieldProblem.of("name", "tracing.venue.name"));
    }
    if (address != null && address.length() > 300) {
      problems.add(FieldProblem.of("address", "tracing.tooLong", 300));
    }
    if (type == null) {
      problems.add(FieldProblem.of("type", "tracing.venue.type"));
    }
    Jurisdiction place = jurisdictionCode == null ? null : jurisdictions.find(jurisdictionCode.strip()).orElse(null);
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!currentUser.get().scope().contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "tracing.venue.outsideScope"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Venue venue = new Venue(UUID.randomUUID().toString(), code.strip(), name.strip(),
        address == null || address.isBlank() ? null : address.strip(), type, place.code());
    if (!store.insert(venue, place.path(), clock.instant())) {
      throw Conflict.duplicate("tracing.venue.duplicate", store.byCode(venue.code()).map(Venue::id).orElse(null));
    }
    audit.record(AuditAction.CREATE, "VENUE", venue.id(), venue.code());
    return venue;
  }

  /** Venues of the caller's jurisdiction; {@code q}: the exact code or part of the name. */
  public PageResult<Venue> list(String q, Paging paging) {
    String query = q == null || q.isBlank() ? null : q.strip();
    return paging.toResult(store.list(currentUser.get().scope(), query, paging.offset(), paging.fetchSize()), null);
  }

  /** A venue by code (venues are not personal data: any code is readable by case workers). */
  public Venue get(String code) {
    return store.byCode(code).orElseThrow(() -> new RecordNotFound("VENUE"));
  }
}
