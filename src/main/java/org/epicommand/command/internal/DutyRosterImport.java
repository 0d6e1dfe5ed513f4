package org.epicommand.command.internal;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.command.DutyRoster;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code duty-roster}: CSV or XLSX {@code unitCode,date,leader,staff,phone} (or 单位编码, 日期,
 * 带班领导, 值班人员, 值班电话), one line per unit and day (a date as offices write it: 2022-11-11, 2022/11/11,
 * 2022年11月11日). Keyed by unit and day: a re-import sets the same duty again
 * and adds nothing; the same unit and day twice in one file is a row error, as are a unit the
 * importer does not work for (members import their own unit's roster, the command office any) and a
 * day from the unit's retirement on. Each line goes through {@link DutyRoster}, as the roster page does.
 */
@Component
class DutyRosterImport implements ImportHandler {

  private final DutyRoster roster;

  DutyRosterImport(DutyRoster roster) {
    this.roster = roster;
  }

  @Override
  public String kind() {
    return "duty-roster";
  }

  /** The columns, with the headers of the rosters command offices keep in spreadsheets. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("unitCode", "单位编码", "单位代码"),
      ImportColumn.of("date", "日期", "值班日期"),
      ImportColumn.of("leader", "带班领导", "值班领导"),
      ImportColumn.of("staff", "值班人员", "值班员"),
      ImportColumn.of("phone", "值班电话", "联系电话"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "UNIT_WORK";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      String text = row.get("date");
      LocalDate date = text == null ? null : CellValues.date(text);
      if (text != null && date == null) {
        batch.reject(row, "date", "command.duty.date");
        continue;
      }
      UnitImport.reject(row, roster.importDay(row.get("unitCode"), new DutyRoster.DayDuty(date, row.get("leader"),
          row.get("staff"), row.get("phone")), batch.importId(), row.line()), batch);
    }
  }
}
