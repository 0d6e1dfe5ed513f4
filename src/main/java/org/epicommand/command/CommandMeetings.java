package org.epicommand.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.command.internal.TaskStore;
import org.epicommand.command.internal.TaskStore.Decision;
import org.epicommand.command.internal.TaskStore.Meeting;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Special and dispatch meetings (专题会/调度会) and their decisions, each of which becomes tasks for units. */
@Service
public class CommandMeetings {

  public record NewMeeting(String number, MeetingKind kind, String title, String chair, List<String> attendees,
      List<String> reportsHeard, LocalDate heldOn) {}

  public record NewDecision(String text, List<CommandTasks.NewTask> tasks) {}

  private static final String LIST_SEPARATOR = "\n";

  private final TaskStore store;
  private final CommandTasks tasks;
  private final CommandOrganisation organisation;
  private final CurrentUser currentUser;
  private final Clock clock;

  CommandMeetings(TaskStore store, CommandTasks tasks, CommandOrganisation organisation, CurrentUser currentUser,
      Clock clock) {
    this.store = store;
    this.tasks = tasks;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Transactional
  public MeetingView create(NewMeeting request) {
    organisation.requireManage();
    List<FieldProblem> problems = new ArrayList<>();
    if (request.number() == null || request.number().isBlank() || request.number().length() > 40) {
      problems.add(FieldProblem.of("number", "command.meeting.number"));
    }
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "command.meeting.kind"));
    }
    if (request.title() == null || request.title().isBlank() || request.title().length() > 200) {
      problems.add(FieldProblem.of("title", "command.meeting.title"));
    }
    if (request.chair() == null || request.chair().isBlank() || request.chair().length() > 50) {
      problems.add(FieldProblem.of("chair", "command.meeting.chair"));
    }
    String attendees = join(request.attendees());
    if (attendees != null && attendees.length() > 1000) {
      problems.add(FieldProblem.of("attendees", "command.meeting.attendees"));
    }
    String reports = join(request.reportsHeard());
    if (reports != null && reports.length() > 2000) {
      problems.add(FieldProblem.of("reportsHeard", "command.meeting.reportsHeard"));
    }
    if (request.heldOn() == null) {
      problems.add(FieldProblem.of("heldOn", "command.meeting.heldOn"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String number = request.number().strip();
    store.findMeetingByNumber(number).ifPresent(existing -> {
      throw Conflict.duplicate("command.meeting.duplicate", existing.id().toString());
    });
    Meeting meeting = new Meeting(UUID.randomUUID(), number, request.kind(), request.title().strip(),
        request.chair().strip(), attendees, reports, request.heldOn(), currentUser.get().username());
    store.insertMeeting(meeting, clock.instant());
    return view(meeting, true);
  }

  public PageResult<MeetingView> list(Paging paging) {
    List<MeetingView> rows = store.meetings(paging.offset(), paging.fetchSize()).stream().map(m -> view(m, false))
        .toList();
    return paging.toResult(rows, null);
  }

  public MeetingView get(UUID id) {
    return view(store.meeting(id).orElseThrow(() -> new RecordNotFound("meeting")), true);
  }

  /** Records a decision and gives each of its tasks to its unit, all or nothing. */
  @Transactional
  public MeetingView.DecisionView decide(UUID meetingId, NewDecision request) {
    organisation.requireManage();
    Meeting meeting = store.meeting(meetingId).orElseThrow(() -> new RecordNotFound("meeting"));
    List<FieldProblem> problems = new ArrayList<>();
    if (request.text() == null || request.text().isBlank() || request.text().length() > 1000) {
      problems.add(FieldProblem.of("text", "command.decision.text"));
    }
    List<CommandTasks.NewTask> given = request.tasks() == null ? List.of() : request.tasks();
    if (given.isEmpty()) {
      problems.add(FieldProblem.of("tasks", "command.decision.tasks"));
    }
    for (int i = 0; i < given.size(); i++) {
      tasks.validate(given.get(i), "tasks[" + i + "].", problems);
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Decision decision = new Decision(UUID.randomUUID(), meeting.id(), request.text().strip());
    store.insertDecision(decision, clock.instant());
    List<TaskView> assigned = given.stream().map(task -> tasks.assignValidated(decision.id(), task)).toList();
    return new MeetingView.DecisionView(decision.id(), decision.text(), assigned);
  }

  private MeetingView view(Meeting m, boolean withDecisions) {
    List<MeetingView.DecisionView> decisions = withDecisions ? store.decisions(m.id()).stream()
        .map(d -> new MeetingView.DecisionView(d.id(), d.text(),
            store.byDecision(d.id()).stream().map(t -> tasks.view(t, false)).toList())).toList() : null;
    return new MeetingView(m.id(), m.number(), m.kind(), m.title(), m.chair(), split(m.attendees()),
        split(m.reportsHeard()), m.heldOn(), m.createdBy(), decisions);
  }

  private static String join(List<String> items) {
    if (items == null) {
      return null;
    }
    List<String> kept = items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    return kept.isEmpty() ? null : String.join(LIST_SEPARATOR, kept);
  }

  private static List<String> split(String stored) {
    return stored == null ? List.of() : Arrays.asList(stored.split(LIST_SEPARATOR));
  }
}
