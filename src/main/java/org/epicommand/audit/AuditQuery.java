package org.epicommand.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail for auditors, newest first, with optional filters. */
@Service
public class AuditQuery {

  /** Filters; {@code null} means any. */
  public record Filter(String username, AuditAction action, String subjectType, String subjectId, Instant from,
      Instant to) {}

  private final JdbcClient jdbc;

  AuditQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public PageResult<AuditEvent> find(Filter filter, Paging paging) {
    List<String> where = new ArrayList<>();
    where.add("true");
    if (filter.username() != null) {
      where.add("username = :username");
    }
    if (filter.action() != null) {
      where.add("action = :action");
    }
    if (filter.subjectType() != null) {
      where.add("subject_type = :subjectType");
    }
    if (filter.subjectId() != null) {
      where.add("subject_id = :subjectId");
    }
    if (filter.from() != null) {
      where.add("at >= :from");
    }
    if (filter.to() != null) {
      where.add("at < :to");
    }
    var statement = jdbc.sql(
        "select at, username, action, subject_type, subject_id, detail, remote_address from audit_event"
            + " where " + String.join(" and ", where) + " order by at desc, id desc offset :offset limit :limit")
        .param("offset", paging.offset()).param("limit", paging.fetchSize());
    if (filter.username() != null) {
      statement = statement.param("username", filter.username());
    }
    if (filter.action() != null) {
      statement = statement.param("action", filter.action().name());
    }
    if (filter.subjectType() != null) {
      statement = statement.param("subjectType", filter.subjectType());
    }
    if (filter.subjectId() != null) {
      statement = statement.param("subjectId", filter.subjectId());
    }
    if (filter.from() != null) {
      statement = statement.param("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      statement = statement.param("to", Timestamp.from(filter.to()));
    }
    List<AuditEvent> rows = statement.query((rs, n) -> new AuditEvent(
        rs.getTimestamp("at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("username"),
        AuditAction.valueOf(rs.getString("action")), rs.getString("subject_type"), rs.getString("subject_id"),
        rs.getString("detail"), rs.getString("remote_address"))).list();
    return paging.toResult(rows, null);
  }
}
