package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.VaccinationSiteDetails;
import org.springframework.stereotype.Component;

/**
 * Vaccination sites kept by their owners inside the owner's jurisdiction: a site outside it does not
 * exist for them (404), a division outside it is a 400.
 */
@Component
public class SiteBook extends MasterBook<VaccinationSiteStore.Row, VaccinationSiteDetails> {

  private final VaccinationSiteStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;

  SiteBook(VaccinationSiteStore store, MasterRows rows, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit,
      Clock clock) {
    super(MasterKind.SITE, rows, audit, clock, VaccinationSiteDetails::code);
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
  }

  public PageResult<VaccinationSiteStore.Row> list(String jurisdiction, Boolean active, String query, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    String q = MasterRules.text(query);
    return paging.toResult(store.list(scope, active, q, paging.offset(), paging.fetchSize()),
        store.count(scope, active, q));
  }

  public List<VaccinationSiteStore.Row> active(int limit) {
    return store.active(currentUser.get().scope(), limit);
  }

  /**
   * The active sites of the caller's district (or of their own area when it is a district or larger):
   * where a community worker makes appointments, though the site lies outside their community.
   */
  public List<VaccinationSiteStore.Row> inDistrict(int limit) {
    JurisdictionScope own = currentUser.get().scope();
    JurisdictionScope district = own.code() == null ? own : jurisdictions.ancestry(own.code()).stream()
        .filter(j -> j.level() == org.epicommand.jurisdiction.JurisdictionLevel.COUNTY).findFirst()
        .map(Jurisdiction::scope).orElse(own);
    return store.active(district, limit);
  }

  @Override
  Optional<VaccinationSiteStore.Row> stored(String code) {
    return store.find(code);
  }

  @Override
  boolean inScope(VaccinationSiteStore.Row row) {
    return currentUser.get().scope().contains(row.path());
  }

  @Override
  VaccinationSiteDetails data(VaccinationSiteStore.Row row) {
    return row.data();
  }

  @Override
  Instant retiredAt(VaccinationSiteStore.Row row) {
    return row.retiredAt();
  }

  @Override
  boolean insert(VaccinationSiteDetails data, UUID importId, Integer line) {
    return store.insert(data, path(data), clock.instant(), importId, line);
  }

  @Override
  void change(VaccinationSiteDetails data) {
    store.update(data, path(data), clock.instant());
  }

  @Override
  String label(VaccinationSiteDetails data) {
    return data.name();
  }

  private String path(VaccinationSiteDetails data) {
    return jurisdictions.find(data.jurisdictionCode()).map(Jurisdiction::path).orElseThrow();
  }

  /** The site's fields by the rules: a division inside the caller's jurisdiction, texts bounded, a phone. */
  @Override
  VaccinationSiteDetails check(String code, VaccinationSiteDetails raw, List<FieldProblem> problems) {
    int before = problems.size();
    String name = MasterRules.required(raw.name(), 100, "name", problems);
    String organisation = MasterRules.limited(raw.organisation(), 100, "organisation", problems);
    String division = MasterRules.text(raw.jurisdictionCode());
    Jurisdiction place = division == null ? null : jurisdictions.find(division).orElse(null);
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!currentUser.get().scope().contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "vaccination.outsideScope"));
    }
    String address = MasterRules.limited(raw.address(), 200, "address", problems);
    String phone = MasterRules.phone(raw.contactPhone(), "contactPhone", problems);
    if (problems.size() > before) {
      return null;
    }
    return new VaccinationSiteDetails(code, name, organisation, place.code(), address, phone,
        Boolean.TRUE.equals(raw.mobile()));
  }
}
