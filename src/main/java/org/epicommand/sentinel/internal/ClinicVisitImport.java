package org.epicommand.sentinel.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.person.IdType;
import org.epicommand.sentinel.ClinicVisits;
import org.epicommand.sentinel.Disposition;
import org.epicommand.sentinel.NewClinicVisit;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code clinic-visits}: a clinic's patient register kept on paper or in another system, CSV or XLSX
 * {@code clinic,idType,idNumber,name,visitedAt,temperature,symptoms,epiHistory,tubeBarcode,disposition} (or 机构代码,
 * 证件类型, 证件号码, 姓名, 就诊时间, 体温, 症状, 流行病学史, 管码, 处置). Each row is checked as the register form
 * checks a visit (the clinic must be the importer's own or in their jurisdiction, the time up to 7 days back);
 * a row of a patient already registered at that clinic at that time counts as already present, so a re-import
 * adds nothing. Row errors name the field and the line.
 */
@Component
class ClinicVisitImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("clinic", "机构代码", "统一社会信用代码"),
      ImportColumn.optional("idType", "证件类型"),
      ImportColumn.documentNumber("idNumber", "证件号码", "身份证号"),
      ImportColumn.of("name", "姓名"),
      ImportColumn.of("visitedAt", "就诊时间"),
      ImportColumn.optional("temperature", "体温"),
      ImportColumn.optional("symptoms", "症状"),
      ImportColumn.optional("epiHistory", "流行病学史"),
      ImportColumn.optional("tubeBarcode", "管码", "采样管码"),
      ImportColumn.of("disposition", "处置"));

  private final ClinicVisits visits;

  ClinicVisitImport(ClinicVisits visits) {
    this.visits = visits;
  }

  @Override
  public String kind() {
    return "clinic-visits";
  }

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "CLINIC_REGISTER";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Map<String, Integer> firstLine = new HashMap<>();
    for (ImportRow row : rows) {
      FieldProblem problem = null;
      NewClinicVisit visit = null;
      try {
        visit = visit(row);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        problem = FieldProblem.of(e instanceof DateTimeParseException ? "visitedAt"
            : e instanceof NumberFormatException ? "temperature" : badEnum(row), "invalidValue");
      }
      if (problem == null && visit.clinic() == null) {
        problem = FieldProblem.of("clinic", "sentinel.clinicUnknown");
      } else if (problem == null && visit.visitedAt() == null) {
        problem = FieldProblem.of("visitedAt", "sentinel.visitedAtRequired");
      } else if (problem == null) {
        problem = visits.check(visit).stream().findFirst().orElse(null);
      }
      if (problem != null) {
        batch.reject(row, problem.field(), problem.code(), problem.args().toArray());
        continue;
      }
      String key = visit.clinic() + "|" + visit.name().strip() + "|" + visit.visitedAt();
      Integer first = firstLine.putIfAbsent(key, row.line());
      if (first != null) {
        batch.reject(row, "name", "sentinel.duplicateInFile", first);
      } else if (visits.recorded(visit.clinic(), visit.name(), visit.visitedAt())) {
        batch.alreadyPresent(row);
      } else {
        visits.record(visit);
      }
    }
  }

  private static NewClinicVisit visit(ImportRow row) {
    String idType = strip(row.get("idType"));
    String disposition = strip(row.get("disposition"));
    String temperature = strip(row.get("temperature"));
    String at = strip(row.get("visitedAt"));
    return new NewClinicVisit(strip(row.get("clinic")),
        idType == null ? null : IdType.valueOf(idType.toUpperCase(Locale.ROOT)), strip(row.get("idNumber")),
        strip(row.get("name")), null, temperature == null ? null : new BigDecimal(temperature),
        strip(row.get("symptoms")), strip(row.get("epiHistory")), strip(row.get("tubeBarcode")),
        disposition == null ? null : Disposition.valueOf(disposition.toUpperCase(Locale.ROOT)),
        at == null ? null : Instant.parse(at));
  }

  private static String badEnum(ImportRow row) {
    String idType = strip(row.get("idType"));
    try {
      if (idType != null) {
        IdType.valueOf(idType.toUpperCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      return "idType";
    }
    return "disposition";
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
