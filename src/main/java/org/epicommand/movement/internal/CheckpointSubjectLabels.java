package org.epicommand.movement.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.epicommand.audit.SubjectLabels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail names checkpoints by their name. */
@Component
class CheckpointSubjectLabels implements SubjectLabels {

  private final JdbcClient jdbc;

  CheckpointSubjectLabels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> types() {
    return Set.of("CHECKPOINT");
  }

  @Override
  public Map<String, String> labels(String type, Collection<String> ids) {
    return switch (type) {
      case "CHECKPOINT" -> SubjectLabels.query(jdbc, "select code, name from checkpoint where code in (:ids)", ids);
      default -> Map.of();
    };
  }
}
