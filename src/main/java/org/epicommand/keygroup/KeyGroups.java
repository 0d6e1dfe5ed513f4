package org.epicommand.keygroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key groups and their occupational test schedules as versioned data: a group is defined with its first
 * edition; a new edition supersedes the one before from its date and none is ever edited, so a member's
 * state can always be explained by the edition in effect. Every change is audited and recomputes the
 * group's members at once.
 */
@Service
public class KeyGroups {

  static final String SUBJECT = "KEY_GROUP";

  private final JdbcClient jdbc;
  private final MemberSchedules schedules;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  KeyGroups(JdbcClient jdbc, MemberSchedules schedules, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.schedules = schedules;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Defines a group with its first edition: 400 naming the fields, 409 (existingId) for a code in use. */
  @Transactional
  public KeyGroup define(NewKeyGroup request) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = request.code() == null ? null : request.code().strip().toUpperCase(java.util.Locale.ROOT);
    if (code == null || !code.matches("[A-Z0-9_-]{2,40}")) {
      problems.add(FieldProblem.of("code", "keygroup.code"));
    }
    String name = request.name() == null ? null : request.name().strip();
    if (name == null || name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "keygroup.name"));
    }
    NewSchedule schedule = request.schedule();
    if (schedule == null) {
      problems.add(FieldProblem.of("schedule", "keygroup.schedule"));
    } else {
      check(schedule, "schedule.", problems);
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String user = currentUser.get().username();
    if (jdbc.sql("insert into keygroup_group (code, name, created_at, created_by) values (?, ?, ?, ?)"
        + " on conflict do nothing").params(code, name, now, user).update() == 0) {
      throw Conflict.duplicate("keygroup.duplicate", code);
    }
    insert(code, 1, schedule, now, user);
    audit.record(AuditAction.CREATE, SUBJECT, code, name);
    return get(code);
  }

  /** Adds a schedule edition that supersedes the current one from its date (not before the current's). */
  @Transactional
  public KeyGroup supersede(String code, NewSchedule schedule) {
    KeyGroup group = get(code);
    List<FieldProblem> problems = new ArrayList<>();
    check(schedule, "", problems);
    Schedule latest = group.schedules().get(0);
    LocalDate from = schedule.effectiveFrom() == null ? LocalDate.now(clock) : schedule.effectiveFrom();
    if (from.isBefore(latest.effectiveFrom())) {
      problems.add(FieldProblem.of("effectiveFrom", "keygroup.effectiveFrom", latest.effectiveFrom().toString()));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int version = latest.version() + 1;
    insert(group.code(), version, schedule, OffsetDateTime.now(clock), currentUser.get().username());
    audit.record(AuditAction.UPDATE, SUBJECT, group.code(), "schedule edition " + version + " from " + from);
    schedules.refreshGroup(group.code());
    return get(group.code());
  }

  /** Every group with its editions, by name. */
  public List<KeyGroup> list() {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.sql("select code, name from keygroup_group order by name, code")
        .query(rs -> {
          names.put(rs.getString(1), rs.getString(2));
        });
    Map<String, List<Schedule>> editions = new LinkedHashMap<>();
    jdbc.sql(SCHEDULE_SELECT + " order by group_code, version desc").query(rs -> {
      editions.computeIfAbsent(rs.getString("group_code"), k -> new ArrayList<>()).add(schedule(rs));
    });
    LocalDate today = LocalDate.now(clock);
    return names.entrySet().stream().map(e -> group(e.getKey(), e.getValue(),
        editions.getOrDefault(e.getKey(), List.of()), today)).toList();
  }

  /** Whether a group has this code. */
  public boolean exists(String code) {
    return code != null && jdbc.sql("select count(*) from keygroup_group where code = ?").params(code)
        .query(Long.class).single() > 0;
  }

    /** One group (404 for an unknown code). */
  public KeyGroup get(String code) {
    String key = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    String name = jdbc.sql("select name from keygroup_group where code = ?").params(key).query(String.class)
        .optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
    List<Schedule> editions = jdbc.sql(SCHEDULE_SELECT + " where group_code = ? order by version desc").params(key)
        .query((rs, n) -> schedule(rs)).list();
    return group(key, name, editions, LocalDate.now(clock));
  }

  private static KeyGroup group(String code, String name, List<Schedule> editions, LocalDate today) {
    Schedule current = editions.stream().filter(s -> !s.effectiveFrom().isAfter(today)).findFirst()
        .orElse(editions.isEmpty() ? null : editions.get(editions.size() - 1));
    return new KeyGroup(code, name, current, editions);
  }

  private void insert(String code, int version, NewSchedule s, OffsetDateTime now, String user) {
    boolean weekly = s.perWeek() != null;
    jdbc.sql("""
        insert into keygroup_schedule (group_code, version, effective_from, every_days, per_week, min_interval_h,
          blocks_days, single_tube_required, closed_loop, vaccination_expected, note, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).params(code, version, s.effectiveFrom() == null ? LocalDate.now(clock) : s.effectiveFrom(),
            weekly ? null : s.everyDays(), s.perWeek(),
            weekly ? (s.minIntervalHours() == null ? 48 : s.minIntervalHours()) : null, s.blocksDays(),
            Boolean.TRUE.equals(s.singleTubeRequired()), Boolean.TRUE.equals(s.closedLoop()),
            Boolean.TRUE.equals(s.vaccinationExpected()), blankToNull(s.note()), now, user).update();
  }

  /** The edition's fields, named under {@code prefix}: one frequency, positive, within a week's bounds. */
  private static void check(NewSchedule s, String prefix, List<FieldProblem> problems) {
    if ((s.everyDays() == null) == (s.perWeek() == null)) {
      problems.add(FieldProblem.of(prefix + "everyDays", "keygroup.frequency"));
    }
    if (s.everyDays() != null && (s.everyDays() <= 0 || s.everyDays() > 90)) {
      problems.add(FieldProblem.of(prefix + "everyDays", "keygroup.everyDays"));
    }
    if (s.perWeek() != null && (s.perWeek() <= 0 || s.perWeek() > 7)) {
      problems.add(FieldProblem.of(prefix + "perWeek", "keygroup.perWeek"));
    }
    if (s.minIntervalHours() != null && (s.minIntervalHours() < 0 || s.minIntervalHours() > 168)) {
      problems.add(FieldProblem.of(prefix + "minIntervalHours", "keygroup.minInterval"));
    }
    if (s.blocksDays() != null && (s.blocksDays() <= 0 || s.blocksDays() > 90)) {
      problems.add(FieldProblem.of(prefix + "blocksDays", "keygroup.blocksDays"));
    }
    if (s.note() != null && s.note().length() > 200) {
      problems.add(FieldProblem.of(prefix + "note", "keygroup.note"));
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static final String SCHEDULE_SELECT = "select group_code, version, effective_from, every_days, per_week,"
      + " min_interval_h, blocks_days, single_tube_required, closed_loop, vaccination_expected, note"
      + " from keygroup_schedule";

  private static Schedule schedule(ResultSet rs) throws SQLException {
    return new Schedule(rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
        rs.getObject("every_days", Integer.class), rs.getObject("per_week", Integer.class),
        rs.getObject("min_interval_h", Integer.class), rs.getObject("blocks_days", Integer.class),
        rs.getBoolean("single_tube_required"), rs.getBoolean("closed_loop"), rs.getBoolean("vaccination_expected"),
        rs.getString("note"));
  }
}
