package org.epicommand.supplies.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.FieldProblem;
import org.epicommand.supplies.LotSource;
import org.epicommand.supplies.StockLedger;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code stock-receipts} (CSV or XLSX) for a city's hundreds of receipts: one row per batch
 * received into a warehouse inside the importer's jurisdiction, checked as the API checks a receipt and
 * refused with its line. A batch is received once: the same file again adds nothing; another quantity for
 * a batch already in the warehouse is refused (a stock count corrects it).
 */
@Component
class StockReceiptImport extends SuppliesImport {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("warehouseCode", "仓库编码", "仓库代码"),
      ImportColumn.of("itemCode", "物资编码", "物资代码"),
      ImportColumn.of("batchNo", "批号", "生产批号"),
      ImportColumn.of("quantity", "数量", "入库数量"),
      ImportColumn.optional("expiryDate", "有效期至", "失效日期"),
      ImportColumn.optional("source", "来源"),
      ImportColumn.optional("supplier", "供货单位", "捐赠单位", "供应商"));

  private final StockLedger ledger;

  StockReceiptImport(StockLedger ledger) {
    super(new Spec("stock-receipts", COLUMNS, "SUPPLIES_MANAGE", "batchNo"));
    this.ledger = ledger;
  }

  @Override
  String key(ImportRow row) {
    return row.get("warehouseCode") + "|" + row.get("itemCode") + "|" + row.get("batchNo");
  }

  @Override
  boolean importRow(ImportRow row, List<FieldProblem> problems) {
    Long quantity = quantity(row.get("quantity"), problems);
    LocalDate expiry = date(row.get("expiryDate"), "expiryDate", problems);
    LotSource source = source(row.get("source"), problems);
    return problems.isEmpty() && ledger.importReceipt(row.get("warehouseCode"), row.get("itemCode"),
        row.get("batchNo"), quantity, expiry, source, row.get("supplier"), problems);
  }

  private static Long quantity(String text, List<FieldProblem> problems) {
    try {
      return text == null ? null : Long.valueOf(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of("quantity", "supplies.quantity"));
      return null;
    }
  }

  private static LotSource source(String text, List<FieldProblem> problems) {
    if (text == null) {
      return null;
    }
    try {
      return LotSource.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of("source", "supplies.import.source"));
      return null;
    }
  }
}
