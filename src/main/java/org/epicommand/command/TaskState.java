package org.epicommand.command;

import java.util.EnumSet;
import java.util.Set;

/**
 * A task's lifecycle (docs/domain.md §14): {@code ASSIGNED → ACCEPTED → IN_PROGRESS → DONE → VERIFIED};
 * the command office may send a done task back ({@code REJECTED}), and the unit resumes it
 * ({@code IN_PROGRESS}).
 */
public enum TaskState {
  ASSIGNED, ACCEPTED, IN_PROGRESS, DONE, VERIFIED, REJECTED;

  /** States in which the unit still owes work: reminders, supervision and the overdue flag apply. */
  public static final Set<TaskState> OPEN = EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS, REJECTED);

  public boolean open() {
    return OPEN.contains(this);
  }

  /** The move a task action makes, or null when the action is illegal in this state. */
  public TaskState after(TaskAction action) {
    return switch (action) {
      case ACCEPT -> this == ASSIGNED ? ACCEPTED : null;
      case START -> this == ACCEPTED || this == REJECTED ? IN_PROGRESS : null;
      case COMPLETE -> this == IN_PROGRESS ? DONE : null;
      case VERIFY -> this == DONE ? VERIFIED : null;
      case REJECT -> this == DONE ? REJECTED : null;
    };
  }
}
