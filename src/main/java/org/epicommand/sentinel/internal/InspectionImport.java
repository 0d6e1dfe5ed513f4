package org.epicommand.sentinel.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.person.IdType;
import org.epicommand.sentinel.InspectionOutcome;
import org.epicommand.sentinel.NewInspection;
import org.epicommand.sentinel.PharmacyInspections;
import org.epicommand.sentinel.PharmacyStatus;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import kind {@code pharmacy-inspections}: market regulation's inspection register (检查记录), CSV or XLSX
 * {@code pharmacy,reference,inspectedOn,outcome,findings,pharmacyStatus} and, for a buyer found sold to without
 * registration, {@code buyerIdType,buyerIdNumber,buyerName,buyerPhone,buyerJurisdictionCode} (or 药店代码, 检查编号,
 * 检查日期, 检查结论, 检查情况, 处理措施, 购药人证件类型, 购药人证件号码, 购药人姓名, 购药人手机号, 购药人所属社区). The rows
 * with the same pharmacy and reference are one inspection, each naming at most one buyer; every row is checked and
 * stored as {@link PharmacyInspections#recordRegistered} says, in a savepoint of its own, so that a refused row
 * leaves nothing and its problem shows with its line and column. A re-import adds nothing.
 */
@Component
class InspectionImport implements ImportHandler {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("pharmacy", "药店代码", "统一社会信用代码", "机构代码"),
      ImportColumn.of("reference", "检查编号", "文书编号", "笔录编号"),
      ImportColumn.of("inspectedOn", "检查日期"),
      ImportColumn.of("outcome", "检查结论", "检查结果"),
      ImportColumn.of("findings", "检查情况", "发现问题", "检查发现"),
      ImportColumn.optional("pharmacyStatus", "处理措施", "对药店的处理"),
      ImportColumn.optional("buyerIdType", "购药人证件类型"),
      new ImportColumn("buyerIdNumber", List.of("购药人证件号码", "购药人身份证号"), true, true),
      ImportColumn.optional("buyerName", "购药人姓名"),
      ImportColumn.optional("buyerPhone", "购药人手机号", "购药人电话"),
      ImportColumn.optional("buyerJurisdictionCode", "购药人所属社区", "购药人社区代码"));

  /** The outcomes and statuses as registers write them, besides their codes. */
  private static final Map<String, InspectionOutcome> OUTCOMES = Map.of("合规", InspectionOutcome.COMPLIANT,
      "未发现问题", InspectionOutcome.COMPLIANT, "发现违规", InspectionOutcome.VIOLATION_FOUND,
      "违规", InspectionOutcome.VIOLATION_FOUND, "不合规", InspectionOutcome.VIOLATION_FOUND);
  private static final Map<String, PharmacyStatus> STATUSES = Map.of("限制经营", PharmacyStatus.RESTRICTED,
      "暂停销售", PharmacyStatus.SALES_SUSPENDED);

  private final PharmacyInspections inspections;
  private final TransactionTemplate savepoint;

  InspectionImport(PharmacyInspections inspections, PlatformTransactionManager transactions) {
    this.inspections = inspections;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public String kind() {
    return "pharmacy-inspections";
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
      FieldProblem problem = unreadable(row);
      if (problem == null) {
        try {
          if (!Boolean.TRUE.equals(savepoint.execute(status -> inspections.recordRegistered(row.get("pharmacy"),
              row.get("reference"), inspection(row))))) {
            batch.alreadyPresent(row);
          }
        } catch (ValidationFailure refused) {
          problem = refused.problems().get(0);
        } catch (RecordNotFound unknown) {
          problem = FieldProblem.of("pharmacy", "sentinel.pharmacyUnknown");
        }
      }
      if (problem != null) {
        batch.reject(row, column(problem.field()), problem.code(), problem.args().toArray());
      }
    }
  }

  /** A cell that cannot be read as its column's kind of value (a problem on it), or {@code null}. */
  private static FieldProblem unreadable(ImportRow row) {
    if (row.get("inspectedOn") != null && CellValues.date(row.get("inspectedOn")) == null) {
      return FieldProblem.of("inspectedOn", "sentinel.inspectedOn");
    }
    if (row.get("outcome") != null && outcome(row.get("outcome")) == null) {
      return FieldProblem.of("outcome", "sentinel.inspectionOutcome");
    }
    if (row.get("pharmacyStatus") != null && status(row.get("pharmacyStatus")) == null) {
      return FieldProblem.of("pharmacyStatus", "sentinel.inspectionStatus");
    }
    if (row.get("buyerIdType") != null && IdType.parse(row.get("buyerIdType")) == null) {
      return FieldProblem.of("buyerIdType", "person.idType");
    }
    return null;
  }

  private static NewInspection inspection(ImportRow row) {
    boolean buyer = row.get("buyerIdNumber") != null || row.get("buyerName") != null || row.get("buyerPhone") != null;
    List<NewInspection.Buyer> buyers = buyer ? List.of(new NewInspection.Buyer(
        row.get("buyerIdType") == null ? null : IdType.parse(row.get("buyerIdType")), row.get("buyerIdNumber"),
        row.get("buyerName"), row.get("buyerPhone"), row.get("buyerJurisdictionCode"))) : List.of();
    return new NewInspection(row.get("inspectedOn") == null ? null : CellValues.date(row.get("inspectedOn")),
        row.get("findings"), row.get("outcome") == null ? null : outcome(row.get("outcome")),
        row.get("pharmacyStatus") == null ? null : status(row.get("pharmacyStatus")), buyers);
  }

  private static InspectionOutcome outcome(String text) {
    String value = text.strip();
    for (InspectionOutcome outcome : InspectionOutcome.values()) {
      if (outcome.name().equalsIgnoreCase(value)) {
        return outcome;
      }
    }
    return OUTCOMES.get(value);
  }

  private static PharmacyStatus status(String text) {
    String value = text.strip().toUpperCase(Locale.ROOT);
    if (value.equals(PharmacyStatus.RESTRICTED.name()) || value.equals(PharmacyStatus.SALES_SUSPENDED.name())) {
      return PharmacyStatus.valueOf(value);
    }
    return STATUSES.get(text.strip());
  }

  /** The file's column of a problem's field: a buyer's ({@code buyers[0].idNumber}) is {@code buyerIdNumber}. */
  static String column(String field) {
    if (field.startsWith("buyers[")) {
      String rest = field.substring(field.indexOf(']') + 2);
      return "buyer" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }
    return field.equals("buyers") ? "buyerIdNumber" : field;
  }
}
