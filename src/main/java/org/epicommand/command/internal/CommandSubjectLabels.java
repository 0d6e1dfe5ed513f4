package org.epicommand.command.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names units, leaders and report templates by their name. */
@Component
class CommandSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  CommandSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("COMMAND_UNIT", "COMMAND_DUTY", "COMMAND_LEADER", "COMMAND_REPORT_TEMPLATE");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "COMMAND_UNIT" -> SubjectLabels.query(jdbc, "select code, name from command_unit where code in (:ids)", ids);
      case "COMMAND_DUTY" -> SubjectLabels.query(jdbc, "select code, name from command_unit where code in (:ids)", ids);
      case "COMMAND_LEADER" -> SubjectLabels.query(jdbc,
          "select id::text, name from command_leader where id in (:ids)", SubjectLabels.uuids(ids));
      case "COMMAND_REPORT_TEMPLATE" -> SubjectLabels.query(jdbc,
          "select id::text, name from command_report_template where id in (:ids)", SubjectLabels.uuids(ids));
      default -> Map.of();
    };
  }
}
