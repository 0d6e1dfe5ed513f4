package org.epicommand.quarantine.internal;

import java.util.UUID;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code quarantine_site_staff} table: the users bound to a site (by its code). A site manager is an
 * entity-bound role: their work is the orders in their {@link #reachOf reach}.
 */
@Repository
public class SiteBindings {

  static final EntityBindings.Table TABLE = new EntityBindings.Table("quarantine_site_staff", "site_code");

  private final JdbcClient jdbc;
  private final EntityBindings bindings;

  SiteBindings(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.bindings = new EntityBindings(jdbc, TABLE);
  }

  /** Who is bound to which site. */
  public EntityBindings table() {
    return bindings;
  }

  /**
   * Whether the user's quarantine work is bound to sites (an entity-bound role): each role of theirs
   * that reads quarantine data is SITE_MANAGER.
   */
  public static boolean bound(UserContext user) {
    return user.hasRole(Role.SITE_MANAGER) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.QUARANTINE_READ))
        .allMatch(role -> role == Role.SITE_MANAGER);
  }

  /** The orders the user works on. */
  public static OrderReach reachOf(UserContext user) {
    return new OrderReach(user.scope(), bound(user) ? user.username() : null);
  }

  /** Whether the user is bound to the site of this id. */
  public boolean worksAt(UUID siteId, String username) {
    return jdbc.sql("select exists (select 1 from quarantine_site s where s.id = :site and "
        + TABLE.boundTo("s.code") + ")").param("site", siteId).param(EntityBindings.USER, username)
        .query(Boolean.class).single();
  }
}
