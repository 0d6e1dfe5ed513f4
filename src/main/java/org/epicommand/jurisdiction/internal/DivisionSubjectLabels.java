package org.epicommand.jurisdiction.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names divisions by their name. */
@Component
class DivisionSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  DivisionSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("JURISDICTION");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "JURISDICTION" -> SubjectLabels.query(jdbc, "select code, name from jurisdiction where code in (:ids)", ids);
      default -> Map.of();
    };
  }
}
