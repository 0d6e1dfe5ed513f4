package org.epicommand.vaccination.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportRow;
import org.epicommand.vaccination.VaccinatorDetails;

/** {@code vaccinators}: {@code code,name,siteCode} and any of the optional columns. */
class VaccinatorImport extends MasterImport<VaccinatorStore.Row, VaccinatorDetails> {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("code", "接种人员编码", "人员编码", "工号", "编码"),
      ImportColumn.of("name", "姓名", "接种人员姓名"),
      ImportColumn.of("siteCode", "接种点编码", "接种单位编码", "接种点代码"),
      ImportColumn.optional("username", "账号", "用户名", "登录账号"),
      ImportColumn.optional("phone", "联系电话", "手机号", "手机号码"),
      ImportColumn.optional("certificate", "证书编号", "资质证书编号", "培训合格证号"));

  VaccinatorImport(VaccinatorBook book) {
    super(book, "vaccinators", COLUMNS);
  }

  @Override
  Integer line(VaccinatorStore.Row row, UUID importId) {
    return importId.equals(row.importId()) ? row.line() : null;
  }

  @Override
  VaccinatorDetails details(ImportRow row, String code, VaccinatorDetails kept, Function<String, Boolean> has) {
    boolean known = kept != null;
    return new VaccinatorDetails(code, row.get("name"), row.get("siteCode"),
        kept(has, "username", known, row.get("username"), known ? kept.username() : null),
        kept(has, "phone", known, row.get("phone"), known ? kept.phone() : null),
        kept(has, "certificate", known, row.get("certificate"), known ? kept.certificate() : null));
  }
}
