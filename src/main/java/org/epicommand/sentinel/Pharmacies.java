package org.epicommand.sentinel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.sentinel.internal.ClerkBindings;
import org.epicommand.sentinel.internal.PharmacyStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pharmacy sentinels: organisations of kind PHARMACY registered with their licence and status inside
 * the caller's jurisdiction; a bound clerk sees their own pharmacy only (404 for any other). Every
 * change is audited.
 */
@Service
public class Pharmacies {

  public static final String SUBJECT = "SENTINEL_PHARMACY";

  private final PharmacyStore store;
  private final ClerkBindings clerks;
  private final Organisations organisations;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Pharmacies(PharmacyStore store, ClerkBindings clerks, Organisations organisations, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.clerks = clerks;
    this.organisations = organisations;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Pharmacy register(NewPharmacy request) {
    OrganisationSnapshot org = organisations.snapshot(request.organisation());
    java.util.ArrayList<FieldProblem> problems = new java.util.ArrayList<>();
    if (org.kind() != OrganisationKind.PHARMACY) {
      problems.add(FieldProblem.of("organisation", "sentinel.notPharmacy"));
    } else if (!org.active()) {
      problems.add(FieldProblem.of("organisation", "sentinel.organisationRetired"));
    }
    String licence = request.licenceNumber() == null ? "" : request.licenceNumber().strip();
    if (licence.isEmpty() || licence.length() > 40) {
      problems.add(FieldProblem.of("licenceNumber", "sentinel.licenceNumber"));
    }
    String chain = request.chain() == null || request.chain().isBlank() ? null : request.chain().strip();
    if (chain != null && chain.length() > 100) {
      problems.add(FieldProblem.of("chain", "sentinel.chain"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Pharmacy pharmacy = new Pharmacy(org.creditCode(), org.id(), org.name(), org.jurisdictionCode(), licence, chain,
        PharmacyStatus.OPEN, OffsetDateTime.now(clock));
    if (!store.insert(pharmacy, org.path(), currentUser.get().username())) {
      throw Conflict.duplicate("sentinel.pharmacyDuplicate", org.creditCode());
    }
    audit.record(AuditAction.CREATE, SUBJECT, org.creditCode(), "licence " + licence);
    return pharmacy;
  }

  @Transactional
  public Pharmacy setStatus(String code, PharmacyStatus status) {
    if (status == null) {
      throw new ValidationFailure(FieldProblem.of("status", "sentinel.status"));
    }
    PharmacyStore.Row row = row(code);
    store.status(row.pharmacy().creditCode(), status);
    audit.record(AuditAction.UPDATE, SUBJECT, row.pharmacy().creditCode(), "status " + status);
    return store.find(row.pharmacy().creditCode()).orElseThrow().pharmacy();
  }

  /** The pharmacies the caller reaches (a clerk: their own), by name. */
  public PageResult<Pharmacy> list(String jurisdiction, Paging paging) {
    UserContext user = currentUser.get();
    List<String> own = ClerkBindings.bound(user) ? clerks.pharmaciesOf(user.username()) : null;
    // a bound clerk reaches their pharmacies wherever they are (an installation may hold several cities)
    JurisdictionScope scope = own != null ? null : jurisdictions.narrow(user.scope(), jurisdiction);
    return paging.toResult(store.list(scope, own, paging.offset(), paging.fetchSize()).stream()
        .map(PharmacyStore.Row::pharmacy).toList(), null);
  }

  /** A pharmacy the caller reaches, by credit code; 404 otherwise. */
  public Pharmacy get(String code) {
    return row(code).pharmacy();
  }

  /** The pharmacy with its scope path, inside what the caller reaches (404 otherwise). */
  PharmacyStore.Row row(String code) {
    UserContext user = currentUser.get();
    PharmacyStore.Row row = code == null ? null : store.find(code.strip()).orElse(null);
    boolean reached = row != null && (ClerkBindings.bound(user)
        ? clerks.pharmaciesOf(user.username()).contains(row.pharmacy().creditCode())
        : user.scope().contains(row.path()));
    if (!reached) {
      throw new RecordNotFound("SENTINEL_PHARMACY");
    }
    return row;
  }

  /** The pharmacy a clerk is bound to (their first), if any. */
  java.util.Optional<String> ownPharmacy(UserContext user) {
    return ClerkBindings.bound(user) ? clerks.pharmaciesOf(user.username()).stream().findFirst()
        : java.util.Optional.empty();
  }

  /** The whole city: for routing a buyer to their own community, never for answering a user. */
  JurisdictionScope rootScopeOf(String path) {
    return jurisdictions.roots().stream().filter(j -> path != null && path.startsWith(j.path())).findFirst()
        .or(() -> jurisdictions.roots().stream().findFirst())
        .map(j -> new JurisdictionScope(j.code(), j.path())).orElse(JurisdictionScope.NOWHERE);
  }
}
