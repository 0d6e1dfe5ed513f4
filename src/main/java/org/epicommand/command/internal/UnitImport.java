package org.epicommand.command.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.UnitKind;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code units}: CSV or XLSX {@code code,name,kind,jurisdictionCode,reporting,sortOrder}
 * for a city with hundreds of units. {@code kind} is the name ({@code STREET}) or the Chinese label
 * (街道); {@code reporting} is true/false, 是/否 or 1/0 (empty: false); {@code sortOrder} may be
 * empty. Keyed by the unit code: a new code creates the unit, a known one takes over the line's
 * details, an unchanged one adds nothing, so a file can be imported again; the same code twice in a
 * file and a changed retired unit are row errors. Each line goes through {@link CommandOrganisation},
 * as the unit page does.
 */
@Component
class UnitImport implements ImportHandler {

  static final Map<String, UnitKind> KIND_LABELS = Map.of("指挥部办公室", UnitKind.OFFICE, "办公室", UnitKind.OFFICE,
      "工作专班", UnitKind.WORKING_GROUP, "工作组", UnitKind.WORKING_GROUP, "成员单位", UnitKind.DEPARTMENT,
      "区县", UnitKind.DISTRICT, "街道", UnitKind.STREET, "乡镇", UnitKind.STREET, "社区", UnitKind.COMMUNITY,
      "村", UnitKind.COMMUNITY);

  private final CommandOrganisation organisation;

  UnitImport(CommandOrganisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public String kind() {
    return "units";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return List.of(
        ImportColumn.of("code", "单位编码", "单位代码", "编码"),
        ImportColumn.of("name", "单位名称", "名称"),
        ImportColumn.of("kind", "单位类别", "类别", "类型"),
        ImportColumn.of("jurisdictionCode", "所属区划", "区划代码"),
        ImportColumn.of("reporting", "报送日报", "是否报送日报"),
        ImportColumn.of("sortOrder", "排序", "序号"));
  }

  @Override
  public String requiredAuthority() {
    return "COMMAND_MANAGE";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      UnitKind kind = kind(row.get("kind"));
      Boolean reporting = reporting(row.get("reporting"));
      Integer sortOrder = sortOrder(row.get("sortOrder"));
      boolean ok = true;
      if (row.get("kind") != null && kind == null) {
        batch.reject(row, "kind", "command.unit.kind");
        ok = false;
      }
      if (reporting == null) {
        batch.reject(row, "reporting", "command.unit.reporting");
        ok = false;
      }
      if (row.get("sortOrder") != null && sortOrder == null) {
        batch.reject(row, "sortOrder", "command.unit.sortOrder");
        ok = false;
      }
      if (!ok) {
        continue;
      }
      List<FieldProblem> problems = organisation.importUnit(new CommandOrganisation.UnitLine(row.get("code"),
          new CommandOrganisation.UnitDetails(row.get("name"), kind, row.get("jurisdictionCode"), reporting,
              sortOrder), batch.importId(), row.line()));
      reject(row, problems, batch);
    }
  }

  /** Reports a line's problems, the first per field. */
  static void reject(ImportRow row, List<FieldProblem> problems, ImportBatch batch) {
    java.util.Set<String> fields = new java.util.HashSet<>();
    for (FieldProblem problem : problems) {
      if (fields.add(problem.field())) {
        batch.reject(row, problem.field(), problem.code(), problem.args().toArray());
      }
    }
  }

  private static UnitKind kind(String text) {
    if (text == null) {
      return null;
    }
    UnitKind labelled = KIND_LABELS.get(text);
    if (labelled != null) {
      return labelled;
    }
    try {
      return UnitKind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Boolean reporting(String text) {
    return CellValues.yesNo(text);
  }

  private static Integer sortOrder(String text) {
    if (text == null || !text.matches("\\d{1,6}")) {
      return null;
    }
    return Integer.valueOf(text);
  }
}
