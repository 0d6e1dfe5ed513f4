package org.epicommand.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.supervision.PhotoKind;
import org.epicommand.supervision.Problem;
import org.epicommand.supervision.ProblemCategory;
import org.epicommand.supervision.ProblemState;
import org.epicommand.supervision.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The problem, problem history and photo tables; every read takes the caller's {@link Visibility}. */
@Repository
public class ProblemStore {

  static final String COLUMNS = "p.id, p.visit_id, p.category, p.severity, p.description, p.unit_code, p.unit_name,"
      + " p.unit_path, p.deadline, p.state, p.round, p.rejections, p.fixed_on_spot, p.found_by, p.found_at,"
      + " p.assigned_at, p.verified_at, p.closed_at";

  /** A list filter: all optional. */
  public record Filter(ProblemState state, String unitPath, Boolean overdue, UUID visitId) {}

  /** A new problem as found. */
  public record Found(UUID id, UUID visitId, ProblemCategory category, Severity severity, String description,
      String unitCode, String unitName, String unitPath, LocalDate deadline, String foundBy, Instant foundAt) {}

  private final JdbcClient jdbc;

  ProblemStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Found f) {
    jdbc.sql("""
        insert into problem_item (id, visit_id, category, severity, description, unit_code, unit_name, unit_path,
          deadline, state, found_by, found_at, updated_at)
        values (:id, :visit, :category, :severity, :description, :unitCode, :unitName, :unitPath, :deadline, 'FOUND',
          :foundBy, :foundAt, :foundAt)
        """)
        .param("id", f.id()).param("visit", f.visitId()).param("category", f.category().name())
        .param("severity", f.severity().name()).param("description", f.description())
        .param("unitCode", f.unitCode()).param("unitName", f.unitName()).param("unitPath", f.unitPath())
        .param("deadline", f.deadline()).param("foundBy", f.foundBy()).param("foundAt", Timestamp.from(f.foundAt()))
        .update();
  }

  public Optional<ProblemItem> findItem(UUID id, Visibility visibility) {
    return visibility.bind(jdbc.sql("select " + COLUMNS + " from problem_item p where p.id = :id and "
            + visibility.problems("p") + " for update"))
        .param("id", id).query((rs, n) -> new ProblemItem(rs.getObject("id", UUID.class), rs.getString("unit_code"),
            rs.getString("unit_name"), rs.getString("unit_path"), rs.getObject("deadline", LocalDate.class),
            ProblemState.valueOf(rs.getString("state")), rs.getInt("round"), rs.getInt("rejections"),
            rs.getBoolean("fixed_on_spot"), instant(rs, "assigned_at"), instant(rs, "verified_at"),
            instant(rs, "closed_at")))
        .optional();
  }

  public void save(ProblemItem item, Instant now) {
    jdbc.sql("""
        update problem_item set unit_code = :unitCode, unit_name = :unitName, unit_path = :unitPath,
          deadline = :deadline, state = :state, round = :round, rejections = :rejections,
          fixed_on_spot = :fixedOnSpot, assigned_at = :assignedAt, verified_at = :verifiedAt, closed_at = :closedAt,
          updated_at = :now
        where id = :id
        """)
        .param("unitCode", item.unitCode()).param("unitName", item.unitName()).param("unitPath", item.unitPath())
        .param("deadline", item.deadline()).param("state", item.state().name()).param("round", item.round())
        .param("rejections", item.rejections()).param("fixedOnSpot", item.fixedOnSpot())
        .param("assignedAt", ts(item.assignedAt())).param("verifiedAt", ts(item.verifiedAt()))
        .param("closedAt", ts(item.closedAt())).param("now", Timestamp.from(now)).param("id", item.id()).update();
  }

  public void history(UUID problemId, String action, ProblemState from, ProblemState to, String username,
      String note, Instant at) {
    jdbc.sql("""
        insert into problem_history (problem_id, action, from_state, to_state, username, note, at)
        values (:problem, :action, :from, :to, :username, :note, :at)
        """)
        .param("problem", problemId).param("action", action).param("from", from == null ? null : from.name())
        .param("to", to.name()).param("username", username).param("note", note).param("at", Timestamp.from(at))
        .update();
  }

  public Optional<Problem> find(UUID id, Visibility visibility, LocalDate today) {
    return visibility.bind(jdbc.sql("select " + COLUMNS + " from problem_item p where p.id = :id and "
            + visibility.problems("p")))
        .param("id", id).query((rs, n) -> map(rs, today)).optional();
  }

  /** One page (limit rows from offset), newest first; the overdue filter is computed against {@code today}. */
  public List<Problem> list(Filter filter, Visibility visibility, LocalDate today, long offset, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from problem_item p where "
        + visibility.problems("p"));
    if (filter.state() != null) {
      sql.append(" and p.state = :state");
    }
    if (filter.unitPath() != null) {
      sql.append(" and p.unit_path like :unitPath");
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      sql.append(" and p.deadline < :today and p.state not in ('VERIFIED', 'CLOSED')");
    }
    if (filter.visitId() != null) {
      sql.append(" and p.visit_id = :visit");
    }
    sql.append(" order by p.found_at desc, p.id offset :offset limit :limit");
    JdbcClient.StatementSpec statement = visibility.bind(jdbc.sql(sql.toString()))
        .param("today", today).param("offset", offset).param("limit", limit);
    if (filter.state() != null) {
      statement = statement.param("state", filter.state().name());
    }
    if (filter.unitPath() != null) {
      statement = statement.param("unitPath", filter.unitPath() + "%");
    }
    if (filter.visitId() != null) {
      statement = statement.param("visit", filter.visitId());
    }
    return statement.query((rs, n) -> map(rs, today)).list();
  }

  public List<Problem.HistoryEntry> history(UUID problemId) {
    return jdbc.sql("select action, from_state, to_state, username, note, at from problem_history"
            + " where problem_id = :id order by id")
        .param("id", problemId).query((rs, n) -> new Problem.HistoryEntry(rs.getString("action"),
            rs.getString("from_state") == null ? null : ProblemState.valueOf(rs.getString("from_state")),
            ProblemState.valueOf(rs.getString("to_state")), rs.getString("username"), rs.getString("note"),
            offset(rs, "at")))
        .list();
  }

  public void insertPhoto(UUID id, UUID problemId, PhotoKind kind, int round, String contentType, long size,
      String sha256, String username, Instant at) {
    jdbc.sql("""
        insert into problem_photo (id, problem_id, kind, round, content_type, size_bytes, sha256, uploaded_by,
          uploaded_at)
        values (:id, :problem, :kind, :round, :type, :size, :sha, :username, :at)
        """)
        .param("id", id).param("problem", problemId).param("kind", kind.name()).param("round", round)
        .param("type", contentType).param("size", size).param("sha", sha256).param("username", username)
        .param("at", Timestamp.from(at)).update();
  }

  public List<Problem.Photo> photos(UUID problemId) {
    return jdbc.sql("select id, kind, content_type, size_bytes, uploaded_by, uploaded_at from problem_photo"
            + " where problem_id = :id order by uploaded_at, id")
        .param("id", problemId).query(ProblemStore::photo).list();
  }

  public Optional<Problem.Photo> photo(UUID problemId, UUID photoId) {
    return jdbc.sql("select id, kind, content_type, size_bytes, uploaded_by, uploaded_at from problem_photo"
            + " where problem_id = :problem and id = :id")
        .param("problem", problemId).param("id", photoId).query(ProblemStore::photo).optional();
  }

  public int evidenceCount(UUID problemId, int round) {
    return jdbc.sql(
        "select count(*) from problem_photo where problem_id = :id and kind = 'EVIDENCE' and round = :round")
        .param("id", problemId).param("round", round).query(Integer.class).single();
  }

  /** Problems past their deadline, not settled, not yet announced as overdue. */
  public List<ProblemItem> newlyOverdue(LocalDate today, int limit) {
    return jdbc.sql("select " + COLUMNS + " from problem_item p where p.deadline < :today"
            + " and p.state not in ('VERIFIED', 'CLOSED') and p.overdue_notified_at is null"
            + " order by p.deadline limit :limit for update skip locked")
        .param("today", today).param("limit", limit)
        .query((rs, n) -> new ProblemItem(rs.getObject("id", UUID.class), rs.getString("unit_code"),
            rs.getString("unit_name"), rs.getString("unit_path"), rs.getObject("deadline", LocalDate.class),
            ProblemState.valueOf(rs.getString("state")), rs.getInt("round"), rs.getInt("rejections"),
            rs.getBoolean("fixed_on_spot"), null, null, null))
        .list();
  }

  public void markOverdueNotified(UUID id, Instant now) {
    jdbc.sql("update problem_item set overdue_notified_at = :now where id = :id")
        .param("now", Timestamp.from(now)).param("id", id).update();
  }

  static Problem map(ResultSet rs, LocalDate today) throws SQLException {
    ProblemState state = ProblemState.valueOf(rs.getString("state"));
    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
    UUID visit = rs.getObject("visit_id", UUID.class);
    return new Problem(rs.getObject("id", UUID.class).toString(), visit == null ? null : visit.toString(),
        ProblemCategory.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
        rs.getString("description"), rs.getString("unit_code"), rs.getString("unit_name"), deadline, state,
        ProblemItem.overdue(state, deadline, today), rs.getBoolean("fixed_on_spot"), rs.getInt("rejections"),
        rs.getString("found_by"), offset(rs, "found_at"), offset(rs, "verified_at"), offset(rs, "closed_at"),
        null, null);
  }

  private static Problem.Photo photo(ResultSet rs, int n) throws SQLException {
    return new Problem.Photo(rs.getObject("id", UUID.class).toString(), PhotoKind.valueOf(rs.getString("kind")),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
        offset(rs, "uploaded_at"));
  }

  static OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
