package org.epicommand.quarantine.internal;

import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which orders a user works on: those inside their jurisdiction — and, for a user of an entity-bound
 * role ({@code boundUser}: a site manager), only those placed at the sites they are bound to, or waiting
 * for a room (pending transfer and not yet placed). Stores use {@link #orders}, {@link #viaOrder} or
 * {@link #sites} with {@link #bind}, as they use a {@link JurisdictionScope}.
 */
public record OrderReach(JurisdictionScope scope, String boundUser) {

  /** The ids of the sites the user in {@link EntityBindings#USER} is bound to. */
  static final String BOUND_SITES = "select s.id from quarantine_site s where "
      + SiteBindings.TABLE.boundTo("s.code");

  public boolean bound() {
    return boundUser != null;
  }

  /** The same reach inside a narrower scope (a part of the jurisdiction). */
  public OrderReach within(JurisdictionScope narrower) {
    return new OrderReach(narrower, boundUser);
  }

  /** The condition on an order row ({@code alias}: its jurisdiction path, site and state). */
  public String orders(String alias) {
    String inScope = scope.predicate(alias + ".jurisdiction_path");
    return !bound() ? inScope : "(" + inScope + " and (" + alias + ".site_id in (" + BOUND_SITES + ") or ("
        + alias + ".state = 'PENDING_TRANSFER' and " + alias + ".site_id is null)))";
  }

  /** The condition on a row that belongs to an order (an alert): its own path, and its order in reach. */
  public String viaOrder(String pathColumn, String orderIdColumn) {
    String inScope = scope.predicate(pathColumn);
    return !bound() ? inScope : "(" + inScope + " and exists (select 1 from quarantine_order ro where ro.id = "
        + orderIdColumn + " and " + orders("ro") + "))";
  }

  /** The condition on a row that belongs to a site (a trip to it): any site, or one of the user's. */
  public String sites(String siteIdColumn) {
    return !bound() ? "true" : siteIdColumn + " in (" + BOUND_SITES + ")";
  }

  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    JdbcClient.StatementSpec bound = scope.bind(statement);
    return bound() ? bound.param(EntityBindings.USER, boundUser) : bound;
  }
}
