package org.epicommand.command.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.epicommand.command.DutyRoster;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code duty-roster}: CSV or XLSX {@code unitCode,date,leader,staff,phone}, one line per
 * unit and day (date {@code yyyy-MM-dd}). Keyed by unit and day: a re-import sets the same duty again
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

  @Override
  public List<String> columns() {
    return List.of("unitCode", "date", "leader", "staff", "phone");
  }

  @Override
  public String requiredAuthority() {
    return "UNIT_WORK";
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      LocalDate date = null;
      String text = row.get("date");
      if (text != null) {
        try {
          date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          batch.reject(row, "date", "command.duty.date");
          continue;
        }
      }
      UnitImport.reject(row, roster.importDay(row.get("unitCode"), new DutyRoster.DayDuty(date, row.get("leader"),
          row.get("staff"), row.get("phone")), batch.importId(), row.line()), batch);
    }
  }
}
