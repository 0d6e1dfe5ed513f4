package org.epicommand.jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A jurisdiction's subtree, the one mechanism that keeps personal data inside the caller's
 * jurisdiction (docs/architecture.md, "Personal data": one scope mechanism). Every personal record
 * carries the materialised path of its jurisdiction ({@code /990100/990101/990101001/}); a record is
 * in scope when its path starts with the scope's path. Queries use {@link #predicate} and
 * {@link #bind}; a column collated "C" lets the prefix match use the b-tree index.
 */
public record JurisdictionScope(String code, String path) {

  public static final String PARAMETER = "scopePath";

  /** The path of {@link #NOWHERE}; no division's path starts with it. */
  private static final String NOWHERE_PATH = "/-/";

  /**
   * The scope of an account that has no home jurisdiction yet (the first administrator of a new
   * installation, before any division exists): it contains nothing.
   */
  public static final JurisdictionScope NOWHERE = new JurisdictionScope(null, NOWHERE_PATH);

  public JurisdictionScope {
    if (path == null || !(path.matches("(/[0-9A-Za-z]+)+/") || path.equals(NOWHERE_PATH))) {
      throw new IllegalArgumentException("not a jurisdiction path: " + path);
    }
  }

  /** The SQL condition that keeps rows whose {@code column} lies inside this scope. */
  public String predicate(String column) {
    return column + " like :" + PARAMETER;
  }

  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    return statement.param(PARAMETER, path + "%");
  }

  public boolean contains(String otherPath) {
    return otherPath != null && otherPath.startsWith(path);
  }
}
