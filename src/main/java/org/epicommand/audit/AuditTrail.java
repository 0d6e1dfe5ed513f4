package org.epicommand.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
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
    jdbc.sql("""
        insert into audit_event (at, username, action, subject_type, subject_id, detail, remote_address)
        values (:at, :username, :action, :subjectType, :subjectId, :detail, :remote)
        """)
        .param("at", Timestamp.from(clock.instant())).param("username", currentUsername())
        .param("action", action.name()).param("subjectType", subjectType).param("subjectId", subjectId)
        .param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
        .param("remote", remoteAddress()).update();
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
