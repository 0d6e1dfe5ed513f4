package org.epicommand.command;

/** What a unit of the command organisation is. */
public enum UnitKind {
  /** The command office (指挥部办公室): overdue tasks and missing reports escalate here. */
  OFFICE,
  /** A working group (工作专班/组) of the command post. */
  WORKING_GROUP,
  /** A member department (成员单位). */
  DEPARTMENT,
  /** A county or district (区县): its jurisdiction code names a county-level division. */
  DISTRICT,
  /** A street or township (街道/乡镇): its jurisdiction code names a township-level division. */
  STREET,
  /** A community or village (社区/村): its jurisdiction code names a village-level division. */
  COMMUNITY
}
