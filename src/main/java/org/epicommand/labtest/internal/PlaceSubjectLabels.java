package org.epicommand.labtest.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names sampling sites and labs by their name. */
@Component
class PlaceSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  PlaceSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("SAMPLING_SITE", "LABORATORY");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "SAMPLING_SITE" -> SubjectLabels.query(jdbc, "select code, name from labtest_site where code in (:ids)",
          ids);
      case "LABORATORY" -> SubjectLabels.query(jdbc, "select code, name from labtest_lab where code in (:ids)", ids);
      default -> Map.of();
    };
  }
}
