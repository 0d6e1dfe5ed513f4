package org.epicommand.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API and pages show it. {@code overdue}: still open after its deadline;
 * {@code escalatedAt}: when the overdue job reported it to the command office. {@code history} only
 * on a single task.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(UUID id, UUID decisionId, String unitCode, String unitName, String title, String detail,
    OffsetDateTime deadline, TaskState state, boolean overdue, int reminders, int supervisions,
    OffsetDateTime escalatedAt, String createdBy, OffsetDateTime createdAt, List<Step> history) {

  /** One step in a task's history: a transition, a reminder, a supervision notice or the escalation. */
  public record Step(OffsetDateTime at, String username, String action, TaskState fromState, TaskState toState,
      String note) {}
}
