package org.epicommand.quarantine.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names quarantine sites and rule sets by their name. */
@Component
class QuarantineSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  QuarantineSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("QUARANTINE_SITE", "RULE_SET");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "QUARANTINE_SITE" -> SubjectLabels.query(jdbc,
          "select id::text, name from quarantine_site where id in (:ids)", SubjectLabels.uuids(ids));
      case "RULE_SET" -> SubjectLabels.query(jdbc,
          "select code, name_zh from quarantine_rule_set where code in (:ids)", ids);
      default -> Map.of();
    };
  }
}
