package org.epicommand.sentinel.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.sentinel.DrugCatalogue;
import org.epicommand.sentinel.DrugClass;
import org.epicommand.sentinel.DrugProduct;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code drug-catalogue}: market regulation's list of the products pharmacies sell, CSV or XLSX
 * {@code approvalNumber,product,drugClass} (or 批准文号, 药品名称, 药品类别). The class is its code or its name (退热镇痛类,
 * 止咳化痰平喘类, …). A new number adds a product; a known one whose name or class differs is corrected (the row warns
 * with what it was); one as it is changes nothing (already present), so a re-import adds nothing. A retired product
 * stays retired. A bad number, name or class is a row error with its line and column.
 */
@Component
class DrugCatalogueImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("approvalNumber", "批准文号", "国药准字", "注册证号", "备案号", "注册证编号"),
      ImportColumn.of("product", "药品名称", "通用名称", "产品名称", "商品名称", "名称"),
      ImportColumn.of("drugClass", "药品类别", "类别", "分类"));

  /** The classes by the names market regulation writes. */
  private static final Map<String, DrugClass> NAMES = Map.ofEntries(
      Map.entry("退热镇痛类", DrugClass.ANTIPYRETIC_ANALGESIC), Map.entry("退热类", DrugClass.ANTIPYRETIC_ANALGESIC),
      Map.entry("止咳化痰平喘类", DrugClass.COUGH_EXPECTORANT_ANTIASTHMATIC),
      Map.entry("止咳类", DrugClass.COUGH_EXPECTORANT_ANTIASTHMATIC), Map.entry("抗病毒类", DrugClass.ANTIVIRAL),
      Map.entry("抗菌类", DrugClass.ANTIMICROBIAL), Map.entry("抗生素类", DrugClass.ANTIMICROBIAL),
      Map.entry("中药解表类", DrugClass.TCM_EXTERIOR_RELEASING), Map.entry("中药清热类", DrugClass.TCM_HEAT_CLEARING),
      Map.entry("中药化痰止咳类", DrugClass.TCM_PHLEGM_COUGH), Map.entry("退热贴", DrugClass.FEVER_PATCH));

  private final DrugCatalogue catalogue;

  DrugCatalogueImport(DrugCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public String kind() {
    return "drug-catalogue";
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
      DrugClass drugClass = drugClass(row.get("drugClass"));
      if (drugClass == null) {
        batch.reject(row, "drugClass", "sentinel.drugClass");
        continue;
      }
      DrugProduct product = new DrugProduct(row.get("approvalNumber"), row.get("product"), drugClass);
      List<FieldProblem> problems = catalogue.problems(product);
      if (!problems.isEmpty()) {
        problems.forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
        continue;
      }
      DrugCatalogue.Imported imported = catalogue.imported(product);
      if (imported.outcome() == DrugCatalogue.Outcome.UNCHANGED) {
        batch.alreadyPresent(row);
      } else if (imported.outcome() == DrugCatalogue.Outcome.CORRECTED) {
        batch.warn(row, "product", "sentinel.productCorrected", imported.before().product());
      }
    }
  }

  static DrugClass drugClass(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String typed = text.strip();
    DrugClass named = NAMES.get(typed);
    if (named != null) {
      return named;
    }
    try {
      return DrugClass.valueOf(typed.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
