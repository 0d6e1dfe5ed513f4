package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.VaccineProductDetails;
import org.springframework.stereotype.Component;

/**
 * Vaccine products, the whole city's: a name and manufacturer, the platform, the CVX code (digits,
 * optional), the primary course (1–5 doses, at least 0–365 days apart), the booster intervals in months
 * (default 3 and 6), the approved ages (0–120, the upper one optional). Name with manufacturer, and the
 * CVX code, belong to one product each (409 naming the other).
 */
@Component
public class ProductBook extends MasterBook<ProductStore.Row, VaccineProductDetails> {

  static final int DEFAULT_BOOSTER_MONTHS = 3;
  static final int DEFAULT_SECOND_BOOSTER_MONTHS = 6;

  private final ProductStore store;

  ProductBook(ProductStore store, MasterRows rows, AuditTrail audit, Clock clock) {
    super(MasterKind.PRODUCT, rows, audit, clock, VaccineProductDetails::code);
    this.store = store;
  }

  public PageResult<ProductStore.Row> list(Boolean active, String query, Paging paging) {
    String q = MasterRules.text(query);
    return paging.toResult(store.list(active, q, paging.offset(), paging.fetchSize()), store.count(active, q));
  }

  @Override
  Optional<ProductStore.Row> stored(String code) {
    return store.find(code);
  }

  @Override
  boolean inScope(ProductStore.Row row) {
    return true;
  }

  @Override
  VaccineProductDetails data(ProductStore.Row row) {
    return row.data();
  }

  @Override
  Instant retiredAt(ProductStore.Row row) {
    return row.retiredAt();
  }

  @Override
  boolean insert(VaccineProductDetails data, UUID importId, Integer line) {
    return store.insert(data, clock.instant());
  }

  @Override
  void change(VaccineProductDetails data) {
    store.update(data, clock.instant());
  }

  @Override
  String label(VaccineProductDetails data) {
    return data.name() + " (" + data.manufacturer() + ")";
  }

  @Override
  Optional<String> taken(VaccineProductDetails data) {
    return store.sameProduct(data);
  }

  @Override
  VaccineProductDetails check(String code, VaccineProductDetails raw, List<FieldProblem> problems) {
    int before = problems.size();
    String name = MasterRules.required(raw.name(), 100, "name", problems);
    String manufacturer = MasterRules.required(raw.manufacturer(), 100, "manufacturer", problems);
    if (raw.platform() == null) {
      problems.add(FieldProblem.of("platform", "vaccination.required"));
    }
    String cvx = MasterRules.text(raw.cvx());
    if (cvx != null && !cvx.matches("\\d{1,10}")) {
      problems.add(FieldProblem.of("cvx", "vaccination.product.cvx"));
    }
    Integer primary = MasterRules.number(raw.primaryDoses(), 1, 5, null, "primaryDoses", problems);
    Integer interval = MasterRules.number(raw.minIntervalDays(), 0, 365, 0, "minIntervalDays", problems);
    Integer booster = MasterRules.number(raw.boosterIntervalMonths(), 0, 60, DEFAULT_BOOSTER_MONTHS,
        "boosterIntervalMonths", problems);
    Integer second = MasterRules.number(raw.secondBoosterIntervalMonths(), 0, 60, DEFAULT_SECOND_BOOSTER_MONTHS,
        "secondBoosterIntervalMonths", problems);
    Integer minAge = MasterRules.number(raw.minAge(), 0, 120, null, "minAge", problems);
    Integer maxAge = raw.maxAge() == null ? null
        : MasterRules.number(raw.maxAge(), minAge == null ? 0 : minAge, 120, null, "maxAge", problems);
    if (problems.size() > before) {
      return null;
    }
    return new VaccineProductDetails(code, name, manufacturer, raw.platform(), cvx, primary, interval, booster, second,
        minAge, maxAge);
  }
}
