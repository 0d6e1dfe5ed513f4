package org.epicommand.vaccination;

import java.util.Optional;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.internal.MasterRows;
import org.epicommand.vaccination.internal.VaccinatorBook;
import org.epicommand.vaccination.internal.VaccinatorStore;
import org.springframework.stereotype.Service;

/**
 * Vaccinators (接种人员) of the sites inside the owner's jurisdiction: created, corrected, retired and
 * taken back into service here (pages, API, demo) and by the {@code vaccinators} import. A vaccinator's
 * account (role VACCINATOR) binds its holder to the vaccinator's site: they record doses there only. A
 * retired vaccinator keeps their doses and records no new ones (409).
 */
@Service
public class Vaccinators implements MasterRegistry<Vaccinator, VaccinatorDetails> {

  private final VaccinatorBook book;

  Vaccinators(VaccinatorBook book) {
    this.book = book;
  }

  /** Vaccinators of the sites inside the caller's jurisdiction (or a part of it, else 404), of one site when given. */
  public PageResult<Vaccinator> list(String jurisdiction, String siteCode, Boolean active, String query,
      Paging paging) {
    return book.list(jurisdiction, siteCode, active, query, paging).map(Vaccinators::view);
  }

  @Override
  public Vaccinator get(String code) {
    return view(book.get(code));
  }

  public Optional<Vaccinator> find(String code) {
    return book.find(code).map(Vaccinators::view);
  }

  /** The vaccinator a staff account records doses as (their site binds them), if any. */
  public Optional<Vaccinator> boundTo(String username) {
    return book.boundTo(username).map(Vaccinators::view);
  }

  @Override
  public Vaccinator create(VaccinatorDetails details) {
    return view(book.create(details));
  }

  @Override
  public Vaccinator update(String code, VaccinatorDetails details) {
    return view(book.update(code, details));
  }

  @Override
  public Vaccinator retire(String code) {
    return view(book.move(code, true));
  }

  @Override
  public Vaccinator reactivate(String code) {
    return view(book.move(code, false));
  }

  private static Vaccinator view(VaccinatorStore.Row row) {
    VaccinatorDetails d = row.data();
    return new Vaccinator(d.code(), d.name(), d.siteCode(), row.siteName(), d.username(), d.phone(), d.certificate(),
        MasterRows.status(row.retiredAt()), row.retiredAt());
  }
}
