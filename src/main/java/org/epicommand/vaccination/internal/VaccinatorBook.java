package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.VaccinatorDetails;
import org.springframework.stereotype.Component;

/**
 * Vaccinators of the sites inside the owner's jurisdiction (elsewhere: 404). A vaccinator works at an
 * active site of that jurisdiction; the staff account they record doses with, when given, holds the
 * role VACCINATOR and belongs to this one vaccinator only (409 naming the other).
 */
@Component
public class VaccinatorBook extends MasterBook<VaccinatorStore.Row, VaccinatorDetails> {

  private final VaccinatorStore store;
  private final VaccinationSiteStore sites;
  private final UserAdministration users;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;

  VaccinatorBook(VaccinatorStore store, VaccinationSiteStore sites, MasterRows rows, UserAdministration users,
      Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    super(MasterKind.VACCINATOR, rows, audit, clock, VaccinatorDetails::code);
    this.store = store;
    this.sites = sites;
    this.users = users;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
  }

  public PageResult<VaccinatorStore.Row> list(String jurisdiction, String site, Boolean active, String query,
      Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    String q = MasterRules.text(query);
    String siteCode = MasterRules.text(site);
    return paging.toResult(store.list(scope, siteCode, active, q, paging.offset(), paging.fetchSize()),
        store.count(scope, siteCode, active, q));
  }

  /** The active vaccinator a staff account records doses as, whatever the caller's scope. */
  public Optional<VaccinatorStore.Row> boundTo(String username) {
    return store.byUsername(username);
  }

  @Override
  Optional<VaccinatorStore.Row> stored(String code) {
    return store.find(code);
  }

  @Override
  boolean inScope(VaccinatorStore.Row row) {
    return currentUser.get().scope().contains(row.sitePath());
  }

  @Override
  VaccinatorDetails data(VaccinatorStore.Row row) {
    return row.data();
  }

  @Override
  Instant retiredAt(VaccinatorStore.Row row) {
    return row.retiredAt();
  }

  @Override
  boolean insert(VaccinatorDetails data, UUID importId, Integer line) {
    return store.insert(data, clock.instant(), importId, line);
  }

  @Override
  void change(VaccinatorDetails data) {
    store.update(data, clock.instant());
  }

  @Override
  String label(VaccinatorDetails data) {
    return data.name() + " @ " + data.siteCode();
  }

  @Override
  Optional<String> taken(VaccinatorDetails data) {
    return data.username() == null ? Optional.empty()
        : store.byUsername(data.username()).map(VaccinatorStore.Row::code).filter(other -> !other.equals(data.code()));
  }

  @Override
  VaccinatorDetails check(String code, VaccinatorDetails raw, List<FieldProblem> problems) {
    int before = problems.size();
    String name = MasterRules.required(raw.name(), 50, "name", problems);
    String siteCode = MasterRules.text(raw.siteCode());
    Optional<VaccinationSiteStore.Row> site = siteCode == null ? Optional.empty() : sites.find(siteCode)
        .filter(s -> currentUser.get().scope().contains(s.path()));
    if (site.isEmpty()) {
      problems.add(FieldProblem.of("siteCode", "vaccination.unknownSite"));
    } else if (site.get().retiredAt() != null) {
      problems.add(FieldProblem.of("siteCode", "vaccination.siteRetired"));
    }
    String username = MasterRules.text(raw.username());
    if (username != null && users.findByUsername(username).filter(u -> u.roles().contains(Role.VACCINATOR)).isEmpty()) {
      problems.add(FieldProblem.of("username", "vaccination.vaccinator.account"));
    }
    String phone = MasterRules.phone(raw.phone(), "phone", problems);
    String certificate = MasterRules.limited(raw.certificate(), 40, "certificate", problems);
    if (problems.size() > before) {
      return null;
    }
    return new VaccinatorDetails(code, name, site.get().code(), username, phone, certificate);
  }
}
