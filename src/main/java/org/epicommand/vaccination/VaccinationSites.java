package org.epicommand.vaccination;

import java.util.List;
import java.util.Optional;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.internal.MasterRows;
import org.epicommand.vaccination.internal.SiteBook;
import org.epicommand.vaccination.internal.VaccinationSiteStore;
import org.springframework.stereotype.Service;

/**
 * Vaccination sites (接种点), kept by their owners inside their jurisdiction: created, corrected,
 * retired and taken back into service here (pages, API, demo) and by the {@code vaccination-sites}
 * import. Doses name their site by code; a retired site keeps its doses and refuses new ones (409).
 */
@Service
public class VaccinationSites implements MasterRegistry<VaccinationSite, VaccinationSiteDetails> {

  private final SiteBook book;
  private final Jurisdictions jurisdictions;

  VaccinationSites(SiteBook book, Jurisdictions jurisdictions) {
    this.book = book;
    this.jurisdictions = jurisdictions;
  }

  /** Sites inside the caller's jurisdiction (or a part of it, else 404); {@code active} null: all. */
  public PageResult<VaccinationSite> list(String jurisdiction, Boolean active, String query, Paging paging) {
    return book.list(jurisdiction, active, query, paging).map(this::view);
  }

  /** A site inside the caller's jurisdiction; 404 otherwise. */
  @Override
  public VaccinationSite get(String code) {
    return view(book.get(code));
  }

  public Optional<VaccinationSite> find(String code) {
    return book.find(code).map(this::view);
  }

  /** The active sites of the caller's jurisdiction by name, for pickers (at most 500). */
  public List<VaccinationSite> active() {
    return book.active(500).stream().map(this::view).toList();
  }

  /** The active sites of the caller's district by name, where appointments are made (at most 200). */
  public List<VaccinationSite> inDistrict() {
    return book.inDistrict(200).stream().map(this::view).toList();
  }

  /** 400 naming the fields, 409 with {@code existingId} when the code is taken. */
  @Override
  public VaccinationSite create(VaccinationSiteDetails details) {
    return view(book.create(details));
  }

  /** Corrects everything but the code (the one in the path). */
  @Override
  public VaccinationSite update(String code, VaccinationSiteDetails details) {
    return view(book.update(code, details));
  }

  /** Takes the site out of service: it keeps its doses and refuses new ones; 409 when retired already. */
  @Override
  public VaccinationSite retire(String code) {
    return view(book.move(code, true));
  }

  /** Takes a retired site back into service; 409 when it is active. */
  @Override
  public VaccinationSite reactivate(String code) {
    return view(book.move(code, false));
  }

  private VaccinationSite view(VaccinationSiteStore.Row row) {
    VaccinationSiteDetails d = row.data();
    String name = jurisdictions.find(d.jurisdictionCode()).map(Jurisdiction::name).orElse(null);
    return new VaccinationSite(d.code(), d.name(), d.organisation(), d.jurisdictionCode(), name, d.address(),
        d.contactPhone(), Boolean.TRUE.equals(d.mobile()), MasterRows.status(row.retiredAt()), row.retiredAt());
  }
}
