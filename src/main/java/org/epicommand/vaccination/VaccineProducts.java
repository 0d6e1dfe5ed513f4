package org.epicommand.vaccination;

import java.util.List;
import java.util.Optional;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.internal.MasterRows;
import org.epicommand.vaccination.internal.ProductBook;
import org.epicommand.vaccination.internal.ProductStore;
import org.springframework.stereotype.Service;

/**
 * Vaccine products (疫苗产品) and the rules their doses follow, the whole city's: the national products
 * come with the platform (CVX codes where CDC lists them); administrators add, correct, retire and take
 * back into service. A retired product keeps its doses and refuses new ones (409).
 */
@Service
public class VaccineProducts implements MasterRegistry<VaccineProduct, VaccineProductDetails> {

  private final ProductBook book;
  private final ProductStore store;

  VaccineProducts(ProductBook book, ProductStore store) {
    this.book = book;
    this.store = store;
  }

  public PageResult<VaccineProduct> list(Boolean active, String query, Paging paging) {
    return book.list(active, query, paging).map(VaccineProducts::view);
  }

  /** The products in use, by code, for pickers. */
  public List<VaccineProduct> active() {
    return store.all().stream().filter(row -> row.retiredAt() == null).map(VaccineProducts::view).toList();
  }

  @Override
  public VaccineProduct get(String code) {
    return view(book.get(code));
  }

  public Optional<VaccineProduct> find(String code) {
    return book.find(code).map(VaccineProducts::view);
  }

  @Override
  public VaccineProduct create(VaccineProductDetails details) {
    return view(book.create(details));
  }

  @Override
  public VaccineProduct update(String code, VaccineProductDetails details) {
    return view(book.update(code, details));
  }

  @Override
  public VaccineProduct retire(String code) {
    return view(book.move(code, true));
  }

  @Override
  public VaccineProduct reactivate(String code) {
    return view(book.move(code, false));
  }

  static VaccineProduct view(ProductStore.Row row) {
    VaccineProductDetails d = row.data();
    return new VaccineProduct(d.code(), d.name(), d.manufacturer(), d.platform(), d.cvx(), d.primaryDoses(),
        d.minIntervalDays(), d.boosterIntervalMonths(), d.secondBoosterIntervalMonths(), d.minAge(), d.maxAge(),
        MasterRows.status(row.retiredAt()), row.retiredAt());
  }
}
