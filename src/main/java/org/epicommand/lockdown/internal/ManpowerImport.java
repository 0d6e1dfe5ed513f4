package org.epicommand.lockdown.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.lockdown.Manpower;
import org.epicommand.lockdown.Worker;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code manpower}: CSV or XLSX {@code name,phone,source,homeUnit,skills,availableFrom,availableTo}
 * (or 姓名, 手机号, 人员来源, 所在单位, 技能, 可用起, 可用止), optionally {@code jurisdictionCode} (区划代码; empty:
 * the importer's) and {@code username} (志愿者账号). {@code source} is the name ({@code VOLUNTEER}) or the
 * Chinese label (志愿者, 机关干部下沉 …). Keyed by phone: a new phone joins the pool, a known one in the
 * importer's jurisdiction takes over the line, an unchanged one adds nothing, so a file can be imported
 * again; the same phone twice in a file, or a phone registered elsewhere, is a row error. Each line goes
 * through {@link Manpower}, as the pool page does.
 */
@Component
class ManpowerImport implements ImportHandler {

  static final Map<String, Worker.Source> SOURCE_LABELS = Map.of("机关干部下沉", Worker.Source.CADRE_SINKING,
      "下沉干部", Worker.Source.CADRE_SINKING, "社区工作者", Worker.Source.COMMUNITY_WORKER, "志愿者",
      Worker.Source.VOLUNTEER, "民警", Worker.Source.POLICE, "采样人员", Worker.Source.SAMPLER, "医务人员",
      Worker.Source.MEDICAL, "保安", Worker.Source.SECURITY, "配送人员", Worker.Source.DELIVERY, "物业人员",
      Worker.Source.PROPERTY_STAFF);

  private final Manpower manpower;

  ManpowerImport(Manpower manpower) {
    this.manpower = manpower;
  }

  @Override
  public String kind() {
    return "manpower";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return List.of(
        ImportColumn.of("name", "姓名"),
        ImportColumn.of("phone", "手机号", "联系电话", "电话"),
        ImportColumn.of("source", "人员来源", "来源", "人员类别"),
        ImportColumn.of("homeUnit", "所在单位", "单位"),
        ImportColumn.of("skills", "技能", "特长"),
        ImportColumn.of("availableFrom", "可用起", "可用开始日期"),
        ImportColumn.of("availableTo", "可用止", "可用结束日期"),
        ImportColumn.optional("jurisdictionCode", "区划代码", "所属区划"),
        ImportColumn.optional("username", "志愿者账号", "账号"));
  }

  @Override
  public String requiredAuthority() {
    return "MOVEMENT_WRITE";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      Worker.Source source = source(row.get("source"));
      LocalDate from = row.get("availableFrom") == null ? null : CellValues.date(row.get("availableFrom"));
      LocalDate to = row.get("availableTo") == null ? null : CellValues.date(row.get("availableTo"));
      if (row.get("source") != null && source == null) {
        batch.reject(row, "source", "lockdown.worker.source");
      } else if (row.get("availableFrom") != null && from == null) {
        batch.reject(row, "availableFrom", "lockdown.date");
      } else if (row.get("availableTo") != null && to == null) {
        batch.reject(row, "availableTo", "lockdown.date");
      } else {
        reject(row, manpower.importLine(new Worker.New(row.get("name"), row.get("phone"), source, row.get("homeUnit"),
            row.get("skills"), from, to, row.get("jurisdictionCode"), row.get("username")), batch.importId(),
            row.line()), batch);
      }
    }
  }

  /** Reports a line's problems, the first per field. */
  private static void reject(ImportRow row, List<FieldProblem> problems, ImportBatch batch) {
    Set<String> fields = new HashSet<>();
    for (FieldProblem problem : problems) {
      if (fields.add(problem.field())) {
        batch.reject(row, problem.field(), problem.code(), problem.args().toArray());
      }
    }
  }

  private static Worker.Source source(String text) {
    if (text == null) {
      return null;
    }
    Worker.Source labelled = SOURCE_LABELS.get(text.strip());
    if (labelled != null) {
      return labelled;
    }
    try {
      return Worker.Source.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
