package org.epicommand.tracing.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names venues by their name. */
@Component
class VenueSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  VenueSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("VENUE");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "VENUE" -> SubjectLabels.query(jdbc, "select id::text, name from venue where id in (:ids)",
          SubjectLabels.uuids(ids));
      default -> Map.of();
    };
  }
}
