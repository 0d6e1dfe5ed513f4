package org.epicommand.supervision.internal;

import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What of supervision a caller may see, as SQL ({@link Units#visibility}). Everyone is limited to units
 * inside their scope (an organisation's contact: their organisation). The inspection side (INSPECTION_MANAGE) sees
 * everything there; a unit's own
 * staff see a visit only once it has started — a planned visit is unannounced (四不两直) and does not
 * exist for them — and a problem only once it has been assigned to them.
 */
public record Visibility(boolean inspection, JurisdictionScope scope) {

  public String visits(String alias) {
    String inScope = scope.predicate(alias + ".unit_path");
    return inspection ? inScope : "(" + alias + ".state <> 'PLANNED' and " + inScope + ")";
  }

  public String problems(String alias) {
    String inScope = scope.predicate(alias + ".unit_path");
    return inspection ? inScope : "(" + alias + ".state <> 'FOUND' and " + inScope + ")";
  }

  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    return scope.bind(statement);
  }
}
