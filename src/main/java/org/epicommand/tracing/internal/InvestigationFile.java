package org.epicommand.tracing.internal;

import java.time.Instant;
import org.epicommand.shared.Conflict;
import org.epicommand.tracing.InvestigationState;

/**
 * The investigation aggregate: ASSIGNED → CORE_DONE → COMPLETE → REVIEWED, one step at a time;
 * a reviewed investigation is closed to reassignment and to new trajectory entries. Every illegal
 * move is a {@link Conflict} naming the current state (409). The service loads it locked, calls
 * the move and stores it.
 */
public final class InvestigationFile {

  private final InvestigationStore.Row row;
  private InvestigationState state;

  private InvestigationFile(InvestigationStore.Row row) {
    this.row = row;
    this.state = row.state();
  }

  public static InvestigationFile of(InvestigationStore.Row row) {
    return new InvestigationFile(row);
  }

  /** One step on; any other move names the current state. */
  public void moveTo(InvestigationState target) {
    if (!state.canMoveTo(target)) {
      throw Conflict.illegalTransition("tracing.investigation.illegalMove", state);
    }
    state = target;
  }

  /** Another investigator, while it is not reviewed. */
  public void requireAssignable() {
    if (state == InvestigationState.REVIEWED) {
      throw Conflict.illegalTransition("tracing.investigation.illegalMove", state);
    }
  }

  /** A new trajectory entry, while it is not reviewed. */
  public void requireOpenForEntries() {
    if (state == InvestigationState.REVIEWED) {
      throw Conflict.illegalTransition("tracing.investigation.closed", state);
    }
  }

  /** The core information is overdue while it is still ASSIGNED past its due time. */
  public static boolean coreOverdue(InvestigationStore.Row row, Instant now) {
    return row.state() == InvestigationState.ASSIGNED && row.coreDueAt().toInstant().isBefore(now);
  }

  /** The full report is overdue while it is not yet COMPLETE past its due time. */
  public static boolean reportOverdue(InvestigationStore.Row row, Instant now) {
    return (row.state() == InvestigationState.ASSIGNED || row.state() == InvestigationState.CORE_DONE)
        && row.reportDueAt().toInstant().isBefore(now);
  }

  public InvestigationState state() {
    return state;
  }

  /** The row as loaded (its state is the state before any move). */
  public InvestigationStore.Row row() {
    return row;
  }
}
