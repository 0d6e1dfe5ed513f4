package org.epicommand.vaccination.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The products as senders name them, read once per batch: by our code, by CVX code (FHIR, and files
 * that carry it), or by the product's Chinese name — with the manufacturer when several makers share
 * the name (新冠病毒灭活疫苗（Vero细胞） is made by four); a manufacturer may be given by a part of its
 * name (北京生物, 科兴). Names are compared without spaces and with half- and full-width parentheses alike.
 */
public final class ProductCatalog {

  private final Map<String, ProductStore.Row> byCode = new HashMap<>();
  private final Map<String, ProductStore.Row> byCvx = new HashMap<>();
  private final Map<String, List<ProductStore.Row>> byName = new HashMap<>();

  public ProductCatalog(List<ProductStore.Row> products) {
    for (ProductStore.Row row : products) {
      byCode.put(row.code().toUpperCase(Locale.ROOT), row);
      if (row.data().cvx() != null) {
        byCvx.put(row.data().cvx(), row);
      }
      byName.computeIfAbsent(normal(row.data().name()), n -> new java.util.ArrayList<>()).add(row);
    }
  }

  /** The product a sender means, or null when none or several fit. */
  public ProductStore.Row resolve(String text, String manufacturer) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    ProductStore.Row found = byCode.get(value.toUpperCase(Locale.ROOT));
    if (found == null) {
      found = byCvx.get(value);
    }
    if (found != null) {
      return found;
    }
    List<ProductStore.Row> named = byName.getOrDefault(normal(value), List.of());
    if (manufacturer != null && !manufacturer.isBlank()) {
      String maker = normal(manufacturer);
      named = named.stream().filter(r -> normal(r.data().manufacturer()).contains(maker)
          || maker.contains(normal(r.data().manufacturer()))).toList();
    }
    return named.size() == 1 ? named.get(0) : null;
  }

  /** The product of a CVX code, if any. */
  public ProductStore.Row byCvx(String cvx) {
    return cvx == null ? null : byCvx.get(cvx.strip());
  }

  private static String normal(String text) {
    return text.replace('（', '(').replace('）', ')').replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
