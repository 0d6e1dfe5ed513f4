package org.epicommand.command;

/** What can be done to a task: the unit accepts, starts and completes; the command office verifies or rejects. */
public enum TaskAction {
  ACCEPT(false), START(false), COMPLETE(false), VERIFY(true), REJECT(true);

  private final boolean byCommand;

  TaskAction(boolean byCommand) {
    this.byCommand = byCommand;
  }

  /** True when the command office (COMMAND_MANAGE) takes this step, false when the assigned unit does. */
  public boolean byCommand() {
    return byCommand;
  }
}
