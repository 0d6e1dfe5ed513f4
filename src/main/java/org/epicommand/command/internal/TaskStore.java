package org.epicommand.command.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.command.MeetingKind;
import org.epicommand.command.TaskFilter;
import org.epicommand.command.TaskState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings, decisions, tasks and each task's history. */
@Repository
public class TaskStore {

  public record Meeting(UUID id, String number, MeetingKind kind, String title, String chair, String attendees,
      String reportsHeard, LocalDate heldOn, String createdBy) {}

  public record Decision(UUID id, UUID meetingId, String text) {}

  public record StoredTask(UUID id, UUID decisionId, String unitCode, String unitName, String title, String detail,
      Instant deadline, TaskState state, int reminders, int supervisions, Instant escalatedAt, String createdBy,
      Instant createdAt) {}

  public record TaskEvent(Instant at, String username, String action, TaskState fromState, TaskState toState,
      String note) {}

  private static final String TASK_COLUMNS = "t.id, t.decision_id, t.unit_code, u.name as unit_name, t.title,"
      + " t.detail, t.deadline, t.state, t.reminders, t.supervisions, t.escalated_at, t.created_by, t.created_at";

  private final JdbcClient jdbc;

  TaskStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Meeting> findMeetingByNumber(String number) {
    return jdbc.sql("select * from command_meeting where number = :number").param("number", number)
        .query(TaskStore::meeting).optional();
  }

  public Optional<Meeting> meeting(UUID id) {
    return jdbc.sql("select * from command_meeting where id = :id").param("id", id).query(TaskStore::meeting)
        .optional();
  }

  public List<Meeting> meetings(long offset, int limit) {
    return jdbc.sql("select * from command_meeting order by held_on desc, number desc offset :offset limit :limit")
        .param("offset", offset).param("limit", limit).query(TaskStore::meeting).list();
  }

  public void insertMeeting(Meeting m, Instant at) {
    jdbc.sql("""
        insert into command_meeting (id, number, kind, title, chair, attendees, reports_heard, held_on, created_by,
          created_at)
        values (:id, :number, :kind, :title, :chair, :attendees, :reports, :heldOn, :by, :at)
        """).param("id", m.id()).param("number", m.number()).param("kind", m.kind().name()).param("title", m.title())
        .param("chair", m.chair()).param("attendees", m.attendees()).param("reports", m.reportsHeard())
        .param("heldOn", m.heldOn()).param("by", m.createdBy()).param("at", Timestamp.from(at)).update();
  }

  public List<Decision> decisions(UUID meetingId) {
    return jdbc.sql("select id, meeting_id, text from command_decision where meeting_id = :id order by created_at, id")
        .param("id", meetingId).query((rs, n) -> new Decision(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3))).list();
  }

  public void insertDecision(Decision d, Instant at) {
    jdbc.sql("insert into command_decision (id, meeting_id, text, created_at) values (:id, :meeting, :text, :at)")
        .param("id", d.id()).param("meeting", d.meetingId()).param("text", d.text()).param("at", Timestamp.from(at))
        .update();
  }

  public void insertTask(UUID id, UUID decisionId, String unitCode, String title, String detail, Instant deadline,
      String username, Instant at) {
    jdbc.sql("""
        insert into command_task (id, decision_id, unit_code, title, detail, deadline, state, created_by, created_at,
          updated_at)
        values (:id, :decision, :unit, :title, :detail, :deadline, 'ASSIGNED', :by, :at, :at)
        """).param("id", id).param("decision", decisionId).param("unit", unitCode).param("title", title)
        .param("detail", detail).param("deadline", Timestamp.from(deadline)).param("by", username)
        .param("at", Timestamp.from(at)).update();
  }

  /** The task, locked for the transition that follows. */
  public Optional<StoredTask> lock(UUID id) {
    return jdbc.sql("select " + TASK_COLUMNS + " from command_task t join command_unit u on u.code = t.unit_code"
        + " where t.id = :id for update of t").param("id", id).query(TaskStore::task).optional();
  }

  public Optional<StoredTask> find(UUID id) {
    return jdbc.sql("select " + TASK_COLUMNS + " from command_task t join command_unit u on u.code = t.unit_code"
        + " where t.id = :id").param("id", id).query(TaskStore::task).optional();
  }

  public List<StoredTask> byDecision(UUID decisionId) {
    return jdbc.sql("select " + TASK_COLUMNS + " from command_task t join command_unit u on u.code = t.unit_code"
            + " where t.decision_id = :id order by t.created_at, t.id").param("id", decisionId)
        .query(TaskStore::task).list();
  }

  /** How many tasks are past their deadline and not done. */
  public long overdueCount(Instant now) {
    return jdbc.sql(
        "select count(*) from command_task where state in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTED')"
        + " and deadline < :now").param("now", Timestamp.from(now)).query(Long.class).single();
  }

  public List<StoredTask> page(TaskFilter filter, Instant now, long offset, int limit) {
    StringBuilder where = new StringBuilder(" where true");
    if (filter.unitCode() != null) {
      where.append(" and t.unit_code = :unit");
    }
    if (filter.state() != null) {
      where.append(" and t.state = :state");
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      where.append(" and t.state in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTED') and t.deadline < :now");
    }
    var statement = jdbc.sql("select " + TASK_COLUMNS
        + " from command_task t join command_unit u on u.code = t.unit_code"
        + where + " order by t.created_at desc, t.id offset :offset limit :limit")
        .param("offset", offset).param("limit", limit);
    if (filter.unitCode() != null) {
      statement = statement.param("unit", filter.unitCode());
    }
    if (filter.state() != null) {
      statement = statement.param("state", filter.state().name());
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      statement = statement.param("now", Timestamp.from(now));
    }
    return statement.query(TaskStore::task).list();
  }

  public void setState(UUID id, TaskState state, Instant at) {
    jdbc.sql("update command_task set state = :state, updated_at = :at where id = :id").param("state", state.name())
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  public void countReminder(UUID id, boolean supervision, Instant at) {
    String column = supervision ? "supervisions" : "reminders";
    jdbc.sql("update command_task set " + column + " = " + column + " + 1, updated_at = :at where id = :id")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  /** Open tasks past their deadline that have not been escalated yet, locked; marks them escalated. */
  public List<StoredTask> escalateOverdue(Instant now) {
    List<StoredTask> due = jdbc.sql("select " + TASK_COLUMNS
        + " from command_task t join command_unit u on u.code = t.unit_code"
            + " where t.state in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTED') and t.escalated_at is null"
            + " and t.deadline < :now order by t.deadline for update of t skip locked")
        .param("now", Timestamp.from(now)).query(TaskStore::task).list();
    for (StoredTask task : due) {
      jdbc.sql("update command_task set escalated_at = :now where id = :id").param("now", Timestamp.from(now))
          .param("id", task.id()).update();
    }
    return due;
  }

  public void insertEvent(UUID taskId, Instant at, String username, String action, TaskState from, TaskState to,
      String note) {
    jdbc.sql("""
        insert into command_task_event (id, task_id, at, username, action, from_state, to_state, note)
        values (:id, :task, :at, :username, :action, :from, :to, :note)
        """).param("id", UUID.randomUUID()).param("task", taskId).param("at", Timestamp.from(at))
        .param("username", username).param("action", action).param("from", from == null ? null : from.name())
        .param("to", to == null ? null : to.name()).param("note", note).update();
  }

  public List<TaskEvent> events(UUID taskId) {
    return jdbc.sql("select at, username, action, from_state, to_state, note from command_task_event"
            + " where task_id = :id order by at, id").param("id", taskId)
        .query((rs, n) -> new TaskEvent(rs.getTimestamp("at").toInstant(), rs.getString("username"),
            rs.getString("action"), state(rs.getString("from_state")), state(rs.getString("to_state")),
            rs.getString("note"))).list();
  }

  private static TaskState state(String value) {
    return value == null ? null : TaskState.valueOf(value);
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    return new Meeting(rs.getObject("id", UUID.class), rs.getString("number"),
        MeetingKind.valueOf(rs.getString("kind")),
        rs.getString("title"), rs.getString("chair"), rs.getString("attendees"), rs.getString("reports_heard"),
        rs.getObject("held_on", LocalDate.class), rs.getString("created_by"));
  }

  private static StoredTask task(ResultSet rs, int row) throws SQLException {
    Timestamp escalated = rs.getTimestamp("escalated_at");
    return new StoredTask(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class),
        rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("title"), rs.getString("detail"),
        rs.getTimestamp("deadline").toInstant(), TaskState.valueOf(rs.getString("state")), rs.getInt("reminders"),
        rs.getInt("supervisions"), escalated == null ? null : escalated.toInstant(), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

}
