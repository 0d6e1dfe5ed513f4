package org.epicommand.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.epicommand.command.TaskAction;
import org.epicommand.command.TaskState;
import org.epicommand.shared.Conflict;
import org.junit.jupiter.api.Test;

/** The command task's state machine, without the application. */
class TaskTest {

  static final Instant NOW = Instant.parse("2022-11-10T02:00:00Z");

  @Test
  void aTaskIsAcceptedStartedDoneAndVerified() {
    Task task = task(TaskState.ASSIGNED);
    assertThat(task.act(TaskAction.ACCEPT)).isEqualTo(TaskState.ASSIGNED);
    task.act(TaskAction.START);
    task.act(TaskAction.COMPLETE);
    assertThat(task.act(TaskAction.VERIFY)).isEqualTo(TaskState.DONE);
    assertThat(task.state()).isEqualTo(TaskState.VERIFIED);
    assertThat(task.stored().state()).as("the loaded task is left as it was").isEqualTo(TaskState.ASSIGNED);
  }

  @Test
  void aRejectedTaskIsResumed() {
    Task task = task(TaskState.DONE);
    task.act(TaskAction.REJECT);
    task.requireOpen();
    task.act(TaskAction.START);
    assertThat(task.state()).isEqualTo(TaskState.IN_PROGRESS);
  }

  @Test
  void everyIllegalStepNamesTheCurrentState() {
    assertIllegal(() -> task(TaskState.ASSIGNED).act(TaskAction.START), "command.task.illegal", "ASSIGNED");
    assertIllegal(() -> task(TaskState.IN_PROGRESS).act(TaskAction.VERIFY), "command.task.illegal", "IN_PROGRESS");
    assertIllegal(() -> task(TaskState.VERIFIED).act(TaskAction.REJECT), "command.task.illegal", "VERIFIED");
    assertIllegal(() -> task(TaskState.ACCEPTED).act(TaskAction.ACCEPT), "command.task.illegal", "ACCEPTED");
  }

  @Test
  void onlyOpenTasksAreChasedOrOverdue() {
    assertIllegal(() -> task(TaskState.DONE).requireOpen(), "command.task.notOpen", "DONE");
    assertIllegal(() -> task(TaskState.VERIFIED).requireOpen(), "command.task.notOpen", "VERIFIED");
    assertThat(Task.overdue(TaskState.IN_PROGRESS, NOW.minusSeconds(1), NOW)).isTrue();
    assertThat(Task.overdue(TaskState.IN_PROGRESS, NOW, NOW)).isFalse();
    assertThat(Task.overdue(TaskState.DONE, NOW.minusSeconds(1), NOW)).isFalse();
  }

  private static void assertIllegal(Runnable move, String code, String current) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo(code);
      assertThat(c.currentState()).isEqualTo(current);
    });
  }

  private static Task task(TaskState state) {
    return Task.of(new TaskStore.StoredTask(UUID.randomUUID(), UUID.randomUUID(), "U01", "疾控组", "核酸筛查", null,
        NOW.plusSeconds(3600), state, 0, 0, null, "commander", NOW));
  }
}
