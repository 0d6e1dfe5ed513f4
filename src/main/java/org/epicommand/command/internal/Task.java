package org.epicommand.command.internal;

import java.time.Instant;
import org.epicommand.command.TaskAction;
import org.epicommand.command.TaskState;
import org.epicommand.shared.Conflict;

/**
 * The command task aggregate: ASSIGNED → ACCEPTED → IN_PROGRESS → DONE → VERIFIED, with DONE sent
 * back to REJECTED and resumed IN_PROGRESS, one {@link TaskAction} at a time; reminders and
 * supervision only while the unit still owes work. Every illegal move is a {@link Conflict} naming
 * the current state (409). The service loads it locked, calls the move and stores it with its event.
 */
public final class Task {

  private final TaskStore.StoredTask stored;
  private TaskState state;

  private Task(TaskStore.StoredTask stored) {
    this.stored = stored;
    this.state = stored.state();
  }

  public static Task of(TaskStore.StoredTask stored) {
    return new Task(stored);
  }

  /** The step the action makes; returns the state it left. */
  public TaskState act(TaskAction action) {
    TaskState from = state;
    TaskState next = from.after(action);
    if (next == null) {
      throw Conflict.illegalTransition("command.task.illegal", from);
    }
    state = next;
    return from;
  }

  /** A reminder (催办) or supervision notice (督办) chases only an open task. */
  public void requireOpen() {
    if (!state.open()) {
      throw Conflict.illegalTransition("command.task.notOpen", state);
    }
  }

  /** Open and past its deadline. */
  public static boolean overdue(TaskState state, Instant deadline, Instant now) {
    return state.open() && deadline.isBefore(now);
  }

  public TaskState state() {
    return state;
  }

  /** The task as loaded (its state is the state before any move). */
  public TaskStore.StoredTask stored() {
    return stored;
  }
}
