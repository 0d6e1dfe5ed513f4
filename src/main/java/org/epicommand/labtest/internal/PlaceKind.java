package org.epicommand.labtest.internal;

/**
 * The two kinds of place the labs' work runs through, kept alike: sampling sites (采样点) and labs
 * (检测机构). Each has its table, its audit subject, its message keys under {@code error.labtest.site.}
 * or {@code error.labtest.lab.}, and the columns only it has.
 */
public enum PlaceKind {
  SITE("labtest_site", "SAMPLING_SITE", "labtest.site", "samplers, opening_hours", ":samplers, :openingHours",
      "samplers = :samplers, opening_hours = :openingHours"),
  LAB("labtest_lab", "LABORATORY", "labtest.lab", "reserve, mobile", ":reserve, :mobile",
      "reserve = :reserve, mobile = :mobile");

  final String table;
  final String subject;
  final String messages;
  final String extraColumns;
  final String extraValues;
  final String extraAssignments;

  PlaceKind(String table, String subject, String messages, String extraColumns, String extraValues,
      String extraAssignments) {
    this.table = table;
    this.subject = subject;
    this.messages = messages;
    this.extraColumns = extraColumns;
    this.extraValues = extraValues;
    this.extraAssignments = extraAssignments;
  }

  /** The message key of a problem of this kind, e.g. {@code labtest.site.duplicate}. */
  public String key(String problem) {
    return messages + "." + problem;
  }

  /** A lab stored before labs had a jurisdiction has none and is the whole city's. */
  boolean mayBeUnplaced() {
    return this == LAB;
  }
}
