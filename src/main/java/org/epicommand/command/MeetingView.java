package org.epicommand.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting with its decisions and the tasks each gave (decisions only on a single meeting). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingView(UUID id, String number, MeetingKind kind, String title, String chair,
    List<String> attendees, List<String> reportsHeard, LocalDate heldOn, String createdBy,
    List<DecisionView> decisions) {

  public record DecisionView(UUID id, String text, List<TaskView> tasks) {}
}
