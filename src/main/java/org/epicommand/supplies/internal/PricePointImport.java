package org.epicommand.supplies.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.FieldProblem;
import org.epicommand.supplies.Prices;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code price-points} (CSV or XLSX): one price per market, commodity and day, checked as the
 * API checks a price report and refused with its line; rows are taken in date order within the file so
 * that a rise over the previous day raises its alert. The same row again adds nothing; another price for a
 * stored day is refused (corrected with PUT).
 */
@Component
class PricePointImport extends SuppliesImport {

  private final Prices prices;

  PricePointImport(Prices prices) {
    super(new Spec("price-points", List.of(ImportColumn.of("marketCode", "市场编码", "市场代码"),
        ImportColumn.of("commodity", "品种", "商品"), ImportColumn.of("date", "日期", "监测日期"),
        ImportColumn.of("price", "价格", "零售价")), "PRICE_REPORT", "date"));
    this.prices = prices;
  }

  @Override
  Comparator<ImportRow> order() {
    return Comparator.comparing(row -> row.get("date") == null ? "" : row.get("date").strip());
  }

  @Override
  String key(ImportRow row) {
    return row.get("marketCode") + "|" + row.get("commodity") + "|" + row.get("date");
  }

  @Override
  boolean importRow(ImportRow row, List<FieldProblem> problems) {
    var day = date(row.get("date"), "date", problems);
    BigDecimal price = null;
    try {
      price = row.get("price") == null ? null : new BigDecimal(row.get("price").strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of("price", "supplies.price.price"));
    }
    return problems.isEmpty() && prices.importPrice(row.get("marketCode"), row.get("commodity"), day, price, problems);
  }
}
