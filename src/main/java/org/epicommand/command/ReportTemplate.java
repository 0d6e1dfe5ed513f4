package org.epicommand.command;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What units report each day and by when: {@code deadline} is the time of day ("10:00", 00:00–24:00)
 * on the day after the reported day (docs/domain.md §14: default 10:00 for the previous day). A unit
 * files the template assigned to its kind ({@code kinds}), else the default; a template that is
 * neither the default nor assigned to a kind is a city-wide special report every reporting unit
 * files besides its own. A template retired on {@code retiredOn} is owed by no one and takes no new
 * reports; the reports filed on it stay.
 */
public record ReportTemplate(UUID id, String name, List<Field> fields, String deadline, boolean isDefault,
    List<UnitKind> kinds, LocalDate retiredOn) {

  public enum FieldType {
    INTEGER, DECIMAL, TEXT;

    public boolean numeric() {
      return this != TEXT;
    }
  }

  public record Field(String key, String label, FieldType type) {}

  public static int deadlineMinutes(String deadline) {
    if (deadline == null || !deadline.matches("\\d{1,2}:\\d{2}")) {
      return -1;
    }
    String[] parts = deadline.split(":");
    int hours = Integer.parseInt(parts[0]);
    int minutes = Integer.parseInt(parts[1]);
    int total = hours * 60 + minutes;
    return minutes < 60 && total <= 24 * 60 ? total : -1;
  }

  public static String deadline(int minutes) {
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }

  public int deadlineMinutes() {
    return deadlineMinutes(deadline);
  }

  /** True for a city-wide special report: in use, not the default and assigned to no kind. */
  public boolean cityWide() {
    return !isDefault && kinds.isEmpty() && retiredOn == null;
  }
}
