package org.epicommand.account.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names accounts by their username. */
@Component
class AccountSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  AccountSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("USER");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "USER" -> SubjectLabels.query(jdbc, "select id::text, username from account_user where id in (:ids)",
          SubjectLabels.uuids(ids));
      default -> Map.of();
    };
  }
}
