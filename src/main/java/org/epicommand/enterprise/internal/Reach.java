package org.epicommand.enterprise.internal;

import java.util.List;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What of reopening a caller reaches, as SQL: the organisations inside their scope (an organisation's
 * contact: their organisation alone) and, for a sector department's reviewer, of their sectors only
 * ({@code sectors} null: every sector). A record outside answers 404.
 */
public record Reach(JurisdictionScope scope, List<String> sectors) {

  static final String SECTORS = "reachSectors";

  /** The condition on a table whose organisation path and sector are {@code alias.organisation_path} and {@code
   * alias.sector}. */
  public String predicate(String alias) {
    return on(alias + ".organisation_path", alias + ".sector");
  }

  /** The condition on the given path and sector columns (the sector column may be null: no sector filter). */
  public String on(String pathColumn, String sectorColumn) {
    return scope.predicate(pathColumn) + (sectors == null || sectorColumn == null ? ""
        : " and " + sectorColumn + " = any(:" + SECTORS + ")");
  }

  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    JdbcClient.StatementSpec spec = scope.bind(statement);
    return sectors == null ? spec : spec.param(SECTORS, sectors.toArray(String[]::new));
  }

  public boolean contains(String path, String sector) {
    return scope.contains(path) && (sectors == null || sectors.contains(sector));
  }
}
