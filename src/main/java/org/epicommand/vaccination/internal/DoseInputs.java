package org.epicommand.vaccination.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The master data a batch of doses names, read once per batch: every product, and the sites and
 * vaccinators of the batch's codes. Checks a dose's product, site and vaccinator: known, in service, the
 * vaccinator at that site.
 */
@Component
public class DoseInputs {

  /** A site or vaccinator as a dose needs it: whether retired, and (a vaccinator's) site. */
  record Place(String code, String site, Instant retiredAt) {}

  /** What one batch may name. */
  public static final class Known {
    final ProductCatalog products;
    final Map<String, Place> sites;
    final Map<String, Place> vaccinators;

    Known(ProductCatalog products, Map<String, Place> sites, Map<String, Place> vaccinators) {
      this.products = products;
      this.sites = sites;
      this.vaccinators = vaccinators;
    }

    public ProductCatalog products() {
      return products;
    }

    /** The product a cell names when it is known and in service; a problem of {@code productCode} otherwise. */
    public ProductStore.Row product(String text, String manufacturer, java.util.List<FieldProblem> problems) {
      ProductStore.Row product = products.resolve(text, manufacturer);
      if (product == null) {
        problems.add(FieldProblem.of("productCode", "vaccination.unknownProduct", text == null ? "" : text));
      } else if (product.retiredAt() != null) {
        problems.add(FieldProblem.of("productCode", "vaccination.productRetired", product.code()));
        return null;
      }
      return product;
    }

    /** Checks a site (required) and a vaccinator (optional, of that site). */
    public void place(String site, String vaccinator, java.util.List<FieldProblem> problems) {
      Place s = site == null ? null : sites.get(site);
      if (s == null) {
        problems.add(FieldProblem.of("siteCode", "vaccination.unknownSite"));
      } else if (s.retiredAt() != null) {
        problems.add(FieldProblem.of("siteCode", "vaccination.siteRetired", site));
      }
      if (vaccinator == null) {
        return;
      }
      Place v = vaccinators.get(vaccinator);
      if (v == null) {
        problems.add(FieldProblem.of("vaccinatorCode", "vaccination.unknownVaccinator"));
      } else if (v.retiredAt() != null) {
        problems.add(FieldProblem.of("vaccinatorCode", "vaccination.vaccinatorRetired", vaccinator));
      } else if (!v.site().equals(site)) {
        problems.add(FieldProblem.of("vaccinatorCode", "vaccination.vaccinatorElsewhere", v.site()));
      }
    }
  }

  private final ProductStore products;
  private final JdbcClient jdbc;

  DoseInputs(ProductStore products, JdbcClient jdbc) {
    this.products = products;
    this.jdbc = jdbc;
  }

  public Known read(Collection<String> siteCodes, Collection<String> vaccinatorCodes) {
    return new Known(new ProductCatalog(products.all()),
        places("select code, code, retired_at from vaccination_site where code = any(?)", siteCodes),
        places("select code, site_code, retired_at from vaccination_vaccinator where code = any(?)", vaccinatorCodes));
  }

  private Map<String, Place> places(String sql, Collection<String> codes) {
    Map<String, Place> found = new HashMap<>();
    if (!codes.isEmpty()) {
      jdbc.sql(sql).params((Object) codes.toArray(String[]::new)).query(rs -> {
        OffsetDateTime retired = rs.getObject(3, OffsetDateTime.class);
        found.put(rs.getString(1), new Place(rs.getString(1), rs.getString(2), MasterRows.instant(retired)));
      });
    }
    return found;
  }
}
