package org.epicommand.treatment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code hospitals} (CSV or XLSX): one row per hospital, keyed by {@code code}; a new code
 * creates the hospital (in the status the row gives, else ACTIVE — STANDBY for a backup), a known one
 * is corrected to what the row says (never its status: activation is a decision), the same row again
 * changes nothing. Bed columns set the counts of their type. Rows are checked as the API checks them
 * and refused with their line; the same code twice in one file, too.
 */
@Component
class HospitalImport implements ImportHandler {

  /** Kinds by the words offices use, besides the English names. */
  private static final Map<String, HospitalKind> KINDS = Map.of("定点", HospitalKind.DESIGNATED, "定点医院",
      HospitalKind.DESIGNATED, "亚定点", HospitalKind.SUB_DESIGNATED, "亚定点医院", HospitalKind.SUB_DESIGNATED, "方舱",
      HospitalKind.SHELTER, "方舱医院", HospitalKind.SHELTER, "备用", HospitalKind.BACKUP, "备用医院",
      HospitalKind.BACKUP, "发热门诊", HospitalKind.FEVER_CLINIC_HOSPITAL, "综合医院", HospitalKind.GENERAL);
  private static final Map<String, HospitalStatus> STATUSES = Map.of("备用", HospitalStatus.STANDBY, "启用中",
      HospitalStatus.ACTIVATING, "启用", HospitalStatus.ACTIVE, "在用", HospitalStatus.ACTIVE, "撤收",
      HospitalStatus.STOOD_DOWN);
  private static final Map<String, BedType> BED_COLUMNS = Map.of("generalBeds", BedType.GENERAL, "icuBeds",
      BedType.ICU, "shelterBeds", BedType.SHELTER_BED);

  private final Hospitals hospitals;

  HospitalImport(Hospitals hospitals) {
    this.hospitals = hospitals;
  }

  @Override
  public String kind() {
    return "hospitals";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return List.of(ImportColumn.of("code", "医院编码", "编码"), ImportColumn.of("name", "医院名称", "名称"),
        ImportColumn.of("kind", "类型", "医院类型"), ImportColumn.of("jurisdictionCode", "所属区划", "区划代码"),
        ImportColumn.optional("status", "状态"), ImportColumn.optional("activationLeadHours", "启用准备小时", "启用时限"),
        ImportColumn.optional("address", "地址"), ImportColumn.optional("phone", "联系电话"),
        ImportColumn.optional("generalBeds", "普通床位"), ImportColumn.optional("icuBeds", "ICU床位", "重症床位"),
        ImportColumn.optional("shelterBeds", "方舱床位"));
  }

  @Override
  public String requiredAuthority() {
    return "TREATMENT_ADMIN";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      HospitalKind kind = parse(row.get("kind"), HospitalKind.class, KINDS, "kind", problems);
      HospitalStatus status = parse(row.get("status"), HospitalStatus.class, STATUSES, "status", problems);
      Integer lead = number(row.get("activationLeadHours"), "activationLeadHours", problems);
      Map<BedType, BedCount> beds = new EnumMap<>(BedType.class);
      BED_COLUMNS.forEach((column, type) -> {
        if (row.columns().containsKey(column.toLowerCase(Locale.ROOT)) && !blank(row.get(column))) {
          beds.put(type, new BedCount(number(row.get(column), column, problems), 0));
        }
      });
      if (problems.isEmpty()) {
        problems.addAll(hospitals.importRow(new HospitalDetails(row.get("code"), row.get("name"), kind,
            row.get("jurisdictionCode"), status, lead, row.get("address"), row.get("phone")), beds,
            batch.importId(), row.line()));
      }
      Map<String, FieldProblem> first = new LinkedHashMap<>();
      problems.forEach(p -> first.putIfAbsent(p.field(), p));
      first.values().forEach(p -> batch.reject(row, p.field(), p.code(), p.args().toArray()));
    }
  }

  private static <E extends Enum<E>> E parse(String cell, Class<E> type, Map<String, E> words, String field,
      List<FieldProblem> problems) {
    if (blank(cell)) {
      return null;
    }
    String text = cell.strip();
    if (words.containsKey(text)) {
      return words.get(text);
    }
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of(field, "treatment.import." + field));
      return null;
    }
  }

  private static Integer number(String cell, String field, List<FieldProblem> problems) {
    if (blank(cell)) {
      return null;
    }
    try {
      return Integer.valueOf(cell.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "treatment.import.number"));
      return null;
    }
  }

  private static boolean blank(String cell) {
    return cell == null || cell.isBlank();
  }
}
