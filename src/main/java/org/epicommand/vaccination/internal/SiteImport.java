package org.epicommand.vaccination.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportRow;
import org.epicommand.vaccination.VaccinationSiteDetails;

/** {@code vaccination-sites}: {@code code,name,jurisdictionCode} and any of the optional columns. */
class SiteImport extends MasterImport<VaccinationSiteStore.Row, VaccinationSiteDetails> {

  private static final Set<String> YES = Set.of("true", "yes", "y", "1", "是", "√");

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("code", "接种点编码", "接种单位编码", "接种点代码", "编码"),
      ImportColumn.of("name", "接种点名称", "接种单位名称", "名称"),
      ImportColumn.of("jurisdictionCode", "区划代码", "所属区划", "行政区划代码"),
      ImportColumn.optional("organisation", "所属机构", "主办单位", "所属单位"),
      ImportColumn.optional("address", "地址", "详细地址"),
      ImportColumn.optional("contactPhone", "联系电话", "电话"),
      ImportColumn.optional("mobile", "流动接种点", "是否流动"));

  SiteImport(SiteBook book) {
    super(book, "vaccination-sites", COLUMNS);
  }

  @Override
  Integer line(VaccinationSiteStore.Row row, UUID importId) {
    return importId.equals(row.importId()) ? row.line() : null;
  }

  @Override
  VaccinationSiteDetails details(ImportRow row, String code, VaccinationSiteDetails kept,
      Function<String, Boolean> has) {
    boolean known = kept != null;
    String mobile = row.get("mobile");
    return new VaccinationSiteDetails(code, row.get("name"),
        kept(has, "organisation", known, row.get("organisation"), known ? kept.organisation() : null),
        row.get("jurisdictionCode"),
        kept(has, "address", known, row.get("address"), known ? kept.address() : null),
        kept(has, "contactPhone", known, row.get("contactPhone"), known ? kept.contactPhone() : null),
        kept(has, "mobile", known, mobile != null && YES.contains(mobile.toLowerCase(Locale.ROOT)),
            known && Boolean.TRUE.equals(kept.mobile())));
  }
}
