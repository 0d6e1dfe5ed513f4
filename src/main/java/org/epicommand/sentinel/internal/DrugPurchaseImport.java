package org.epicommand.sentinel.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.person.IdType;
import org.epicommand.sentinel.DrugCatalogue;
import org.epicommand.sentinel.DrugProduct;
import org.epicommand.sentinel.NewPurchase;
import org.epicommand.sentinel.Purchases;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code drug-purchases}: the online sales data that platforms push (平台推送), CSV or XLSX
 * {@code pharmacy,idType,idNumber,name,phone,product,quantity,purchasedAt,jurisdictionCode} (or 药店代码, 证件类型,
 * 证件号码, 姓名, 手机号, 药品, 数量, 购买时间, 所属社区). The product is named by its approval number or its name in
 * the catalogue. Each row is checked and stored as a counter registration is ({@link Purchases#check}): a wrong
 * document, a suspended class, a pharmacy that may not sell are row errors with the line and the column, and
 * nothing of the row is stored; the buyer is found or registered in the person registry; a REAL_NAME_TEST_72H
 * sale joins the 72-h loop, its verification item carrying the source {@code PLATFORM_PUSH}. A row already
 * imported (same pharmacy, document, product and time) counts as already present, so a re-import adds nothing.
 */
@Component
class DrugPurchaseImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("pharmacy", "药店代码", "销售方代码", "平台代码", "统一社会信用代码", "机构代码"),
      ImportColumn.optional("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号", "身份证号码", "购药人证件号码"),
      ImportColumn.of("name", "姓名", "购药人姓名", "购药人"),
      ImportColumn.of("phone", "手机号", "手机号码", "联系电话", "电话"),
      ImportColumn.of("product", "药品", "药品名称", "商品名称", "批准文号"),
      ImportColumn.of("quantity", "数量", "购买数量", "盒数"),
      ImportColumn.of("purchasedAt", "购买时间", "下单时间", "购药时间"),
      ImportColumn.optional("jurisdictionCode", "所属社区", "社区代码", "行政区划代码", "辖区代码"));

  private final Purchases purchases;
  private final DrugCatalogue catalogue;
  private final Clock clock;

  DrugPurchaseImport(Purchases purchases, DrugCatalogue catalogue, Clock clock) {
    this.purchases = purchases;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "drug-purchases";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "SENTINEL_MANAGE";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      NewPurchase purchase = purchase(row, batch);
      if (purchase == null) {
        continue;
      }
      FieldProblem problem = purchases.check(purchase).stream().findFirst().orElse(null);
      if (problem != null) {
        String field = "approvalNumber".equals(problem.field()) ? "product" : problem.field();
        batch.reject(row, field, problem.code(), problem.args().toArray());
      } else if (purchases.registerPushed(purchase).isEmpty()) {
        batch.alreadyPresent(row);
      }
    }
  }

  /** The row as a purchase, or {@code null} when a cell cannot be read (the row is rejected). */
  private NewPurchase purchase(ImportRow row, ImportBatch batch) {
    String typed = row.get("idType");
    IdType idType = typed == null ? IdType.RESIDENT_ID : IdType.parse(typed);
    if (idType == null) {
      batch.reject(row, "idType", "person.idType");
      return null;
    }
    String product = row.get("product");
    String approvalNumber = product == null ? null : catalogue.onSaleByNumberOrName(product)
        .map(DrugProduct::approvalNumber).orElse(product);
    Integer quantity;
    try {
      quantity = row.get("quantity") == null ? null : new BigDecimal(row.get("quantity")).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      batch.reject(row, "quantity", "sentinel.quantity");
      return null;
    }
    Instant at = CellValues.instant(row.get("purchasedAt"), clock.getZone());
    if (at == null) {
      batch.reject(row, "purchasedAt", "sentinel.purchasedAtRequired");
      return null;
    }
    return new NewPurchase(row.get("pharmacy"), idType, row.get("idNumber"), row.get("name"), row.get("phone"),
        row.get("jurisdictionCode"), approvalNumber, quantity, null, at);
  }
}
