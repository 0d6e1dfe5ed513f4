package org.epicommand.command;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.command.internal.OrganisationStore;
import org.epicommand.command.internal.Task;
import org.epicommand.command.internal.TaskStore;
import org.epicommand.command.internal.TaskStore.StoredTask;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks for units: assignment, the lifecycle (the unit accepts, starts and completes; the command
 * office verifies or sends back), reminders (催办) and supervision notices (督办), and the escalation
 * of overdue tasks to the command office. Every step is kept in the task's history and told to the
 * people concerned through their inbox.
 */
@Service
public class CommandTasks {

  /** A task to give a unit. */
  public record NewTask(String unitCode, String title, String detail, OffsetDateTime deadline) {}

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskStore tasks;
  private final OrganisationStore organisation;
  private final CommandOrganisation units;
  private final Notifications notifications;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final org.springframework.context.MessageSource messages;

  CommandTasks(TaskStore tasks, OrganisationStore organisation, CommandOrganisation units,
      Notifications notifications, CurrentUser currentUser, Clock clock,
      org.springframework.context.MessageSource messages) {
    this.messages = messages;
    this.tasks = tasks;
    this.organisation = organisation;
    this.units = units;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Checks a task request field by field; {@code prefix} names its place in a larger request. */
  void validate(NewTask task, String prefix, List<FieldProblem> problems) {
    if (task == null) {
      problems.add(FieldProblem.of(prefix.isEmpty() ? "body" : prefix, "command.task.missing"));
      return;
    }
    if (task.unitCode() == null || units.unit(task.unitCode()).isEmpty()) {
      problems.add(FieldProblem.of(prefix + "unitCode", "command.task.unit"));
    }
    if (task.title() == null || task.title().isBlank() || task.title().length() > 200) {
      problems.add(FieldProblem.of(prefix + "title", "command.task.title"));
    }
    if (task.detail() != null && task.detail().length() > 2000) {
      problems.add(FieldProblem.of(prefix + "detail", "command.task.detail"));
    }
    if (task.deadline() == null) {
      problems.add(FieldProblem.of(prefix + "deadline", "command.task.deadline"));
    }
  }

  /** Gives a unit a task (from a decision, or standing alone) and tells its members. */
  @Transactional
  public TaskView assign(UUID decisionId, NewTask task) {
    units.requireManage();
    List<FieldProblem> problems = new ArrayList<>();
    validate(task, "", problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return assignValidated(decisionId, task);
  }

  /** Assigns a checked task; a retired unit gets no new task (409, and the caller's transaction rolls back). */
  TaskView assignValidated(UUID decisionId, NewTask task) {
    units.requireActive(units.requireUnit(task.unitCode()));
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String me = currentUser.get().username();
    tasks.insertTask(id, decisionId, task.unitCode(), task.title().strip(), blankToNull(task.detail()),
        task.deadline().toInstant(), me, now);
    tasks.insertEvent(id, now, me, "ASSIGN", null, TaskState.ASSIGNED, null);
    StoredTask stored = tasks.find(id).orElseThrow();
    tell(organisation.members(task.unitCode()), "TASK_ASSIGNED", "【交办】" + stored.title(),
        "办理时限：" + deadline(stored), stored);
    return view(stored, false);
  }

  public PageResult<TaskView> list(TaskFilter filter, Paging paging) {
    if (!currentUser.get().has(Permission.COMMAND_READ)) {
      throw new AccessDeniedException("COMMAND_READ");
    }
    return page(filter, paging);
  }

  /** How many tasks are overdue across the command post: a count for the big screen, no task itself. */
  public long overdueCount() {
    return tasks.overdueCount(clock.instant());
  }

  /** The task inbox of the caller's unit (or of {@code unitCode}, one of their units). */
  public PageResult<TaskView> inbox(String unitCode, TaskState state, Paging paging) {
    Unit unit = myUnit(unitCode);
    return page(new TaskFilter(unit.code(), state, null), paging);
  }

  /** The open tasks of the caller's unit (or of {@code unitCode}, one of their units) past their deadline. */
  public PageResult<TaskView> overdueInbox(String unitCode, Paging paging) {
    Unit unit = myUnit(unitCode);
    return page(new TaskFilter(unit.code(), null, true), paging);
  }

  /** The caller's unit: the one named (if they belong to it) or their first. */
  public Unit myUnit(String unitCode) {
    String me = currentUser.get().username();
    List<Unit> mine = organisation.unitsOf(me);
    return mine.stream().filter(u -> unitCode == null || u.code().equals(unitCode)).findFirst()
        .orElseThrow(() -> new RecordNotFound("unit"));
  }

  public TaskView get(UUID id) {
    StoredTask task = tasks.find(id).filter(t -> units.maySee(t.unitCode()))
        .orElseThrow(() -> new RecordNotFound("task"));
    return view(task, true);
  }

  /** One step of the lifecycle; an illegal step answers 409 naming the current state. */
  @Transactional
  public TaskView act(UUID id, TaskAction action, String note) {
    StoredTask task = tasks.lock(id).filter(t -> units.maySee(t.unitCode()))
        .orElseThrow(() -> new RecordNotFound("task"));
    UserContext user = currentUser.get();
    if (action.byCommand() ? !user.has(Permission.COMMAND_MANAGE)
        : !organisation.isMember(task.unitCode(), user.username())) {
      throw new AccessDeniedException(action.name());
    }
    checkNote(note);
    Task aggregate = Task.of(task);
    aggregate.act(action);
    TaskState next = aggregate.state();
    Instant now = clock.instant();
    tasks.setState(id, next, now);
    tasks.insertEvent(id, now, user.username(), action.name(), task.state(), next, blankToNull(note));
    StoredTask after = tasks.find(id).orElseThrow();
    if (next == TaskState.DONE) {
      tell(organisation.membersOfKind(UnitKind.OFFICE), "TASK_DONE", "【办结待核】" + task.unitName() + "：" + task.title(),
          note, after);
    } else if (next == TaskState.REJECTED) {
      tell(organisation.members(task.unitCode()), "TASK_REJECTED", "【退回】" + task.title(), note, after);
    }
    return view(after, true);
  }

  /**
   * A reminder (催办) to the unit, or a supervision notice (督办), which the command office also
   * receives; only open tasks can be chased.
   */
  @Transactional
  public TaskView chase(UUID id, boolean supervision, String note) {
    units.requireManage();
    StoredTask task = tasks.lock(id).orElseThrow(() -> new RecordNotFound("task"));
    checkNote(note);
    Task.of(task).requireOpen();
    Instant now = clock.instant();
    tasks.countReminder(id, supervision, now);
    tasks.insertEvent(id, now, currentUser.get().username(), supervision ? "SUPERVISE" : "REMIND", task.state(),
        task.state(), blankToNull(note));
    Set<String> recipients = new LinkedHashSet<>(organisation.members(task.unitCode()));
    if (supervision) {
      recipients.addAll(organisation.membersOfKind(UnitKind.OFFICE));
    }
    String body = (note == null || note.isBlank() ? "" : note.strip() + "；") + "办理时限：" + deadline(task);
    tell(recipients, supervision ? "TASK_SUPERVISED" : "TASK_REMINDED",
        (supervision ? "【督办】" : "【催办】") + task.title(), body, task);
    return view(tasks.find(id).orElseThrow(), true);
  }

  /**
   * Flags open tasks past their deadline and reports each once to the command office and to the unit.
   * Called by the scheduler with the clock's instant; tests call it with the instant they need.
   */
  @Transactional
  public int escalateOverdue(Instant now) {
    List<StoredTask> due = tasks.escalateOverdue(now);
    List<String> office = organisation.membersOfKind(UnitKind.OFFICE);
    for (StoredTask task : due) {
      tasks.insertEvent(task.id(), now, "system", "ESCALATE", task.state(), task.state(), null);
      Set<String> recipients = new LinkedHashSet<>(office);
      recipients.addAll(organisation.members(task.unitCode()));
      tell(recipients, "TASK_OVERDUE", "【逾期】" + task.unitName() + "：" + task.title(),
          "办理时限：" + deadline(task) + "；当前状态：" + messages.getMessage("command.state." + task.state(), null,
              String.valueOf(task.state()), java.util.Locale.SIMPLIFIED_CHINESE), task);
    }
    return due.size();
  }

  private PageResult<TaskView> page(TaskFilter filter, Paging paging) {
    List<TaskView> rows = tasks.page(filter, clock.instant(), paging.offset(), paging.fetchSize()).stream()
        .map(t -> view(t, false)).toList();
    return paging.toResult(rows, null);
  }

  private void tell(java.util.Collection<String> recipients, String kind, String title, String body, StoredTask task) {
    if (!recipients.isEmpty()) {
      notifications.send(Notice.toUsers(recipients, kind, title, body, "/command/tasks/" + task.id()));
    }
  }

  private String deadline(StoredTask task) {
    return DEADLINE.format(task.deadline().atZone(zone()));
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static void checkNote(String note) {
    if (note != null && note.length() > 1000) {
      throw new ValidationFailure(FieldProblem.of("note", "command.task.note"));
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  TaskView view(StoredTask t, boolean withHistory) {
    ZoneId zone = zone();
    List<TaskView.Step> history = withHistory ? tasks.events(t.id()).stream()
        .map(e -> new TaskView.Step(e.at().atZone(zone).toOffsetDateTime(), e.username(), e.action(), e.fromState(),
            e.toState(), e.note())).toList() : null;
    boolean overdue = Task.overdue(t.state(), t.deadline(), clock.instant());
    return new TaskView(t.id(), t.decisionId(), t.unitCode(), t.unitName(), t.title(), t.detail(),
        t.deadline().atZone(zone).toOffsetDateTime(), t.state(), overdue, t.reminders(), t.supervisions(),
        t.escalatedAt() == null ? null : t.escalatedAt().atZone(zone).toOffsetDateTime(), t.createdBy(),
        t.createdAt().atZone(zone).toOffsetDateTime(), history);
  }
}
