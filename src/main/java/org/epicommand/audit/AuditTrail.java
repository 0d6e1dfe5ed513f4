package org.epicommand.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. Call it inside the transaction of the read or change it records, so that
 * both happen or neither does. The user and address come from the current request.
 */
@Service
public class AuditTrail {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void record(AuditAction action, String subjectType, String subjectId, String detail) {
    recordAs(currentUsername(), action, subjectType, subjectId, detail);
  }

  /**
   * An event in the name of {@code username}: for sign-ins, failed sign-ins (the username as typed)
   * and sign-outs, where the request has no signed-in user (yet, or any more).
   */
  @Transactional
  public void recordAs(String username, AuditAction action, String subjectType, String subjectId, String detail) {
    jdbc.sql("""
        insert into audit_event (at, username, action, subject_type, subject_id, detail, remote_address)
        values (:at, :username, :action, :subjectType, :subjectId, :detail, :remote)
        """)
        .param("at", Timestamp.from(clock.instant())).param("username", atMost(username, 64))
        .param("action", action.name()).param("subjectType", subjectType).param("subjectId", atMost(subjectId, 64))
        .param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
        .param("remote", remoteAddress()).update();
  }

  /** One event of a batch written by {@link #recordAll}. */
  public record Entry(AuditAction action, String subjectId, String detail) {}

  /**
   * The events of a batch of changes (an import batch) in the current user's name, all in one statement:
   * one event per entry, as {@link #record} would write them one by one.
   */
  @Transactional
  public void recordAll(String subjectType, List<Entry> entries) {
    recordAllAs(currentUsername(), subjectType, entries);
  }

  /** {@link #recordAll} in the name of {@code username} (the platform's own work: {@code system}). */
  @Transactional
  public void recordAllAs(String username, String subjectType, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    jdbc.sql("""
        insert into audit_event (at, username, action, subject_type, subject_id, detail, remote_address)
        select :at, :username, u.action, :subjectType, u.subject_id, u.detail, :remote
        from unnest(cast(:actions as text[]), cast(:subjectIds as text[]), cast(:details as text[]))
          with ordinality as u (action, subject_id, detail, n)
        order by u.n
        """)
        .param("at", Timestamp.from(clock.instant())).param("username", atMost(username, 64))
        .param("subjectType", subjectType).param("remote", remoteAddress())
        .param("actions", entries.stream().map(e -> e.action().name()).toArray(String[]::new))
        .param("subjectIds", entries.stream().map(e -> atMost(e.subjectId(), 64)).toArray(String[]::new))
        .param("details", entries.stream().map(e -> atMost(e.detail(), 2000)).toArray(String[]::new))
        .update();
  }

  private static String atMost(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  private static String currentUsername() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
