package org.epicommand.command;

/** Whether a unit takes new work: a retired unit keeps its history, tasks and reports, and refuses new work (409). */
public enum UnitState {
  ACTIVE, RETIRED
}
