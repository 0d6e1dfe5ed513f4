package org.epicommand.quarantine.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code quarantine_site_staff} table: the users bound to a site (by its code). */
@Repository
public class SiteBindings {

  static final EntityBindings.Table TABLE = new EntityBindings.Table("quarantine_site_staff", "site_code");

  private final JdbcClient jdbc;
  private final EntityBindings bindings;

  SiteBindings(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.bindings = new EntityBindings(jdbc, TABLE);
  }

  public boolean bind(String siteCode, String username, String by, Instant at) {
    return bindings.bind(siteCode, username, by, at);
  }

  public boolean unbind(String siteCode, String username) {
    return bindings.unbind(siteCode, username);
  }

  public List<EntityBindings.Binding> of(String siteCode) {
    return bindings.of(siteCode);
  }

  public List<String> sitesOf(String username) {
    return bindings.entitiesOf(username);
  }

  /** Whether the user is bound to the site of this id. */
  public boolean worksAt(UUID siteId, String username) {
    return jdbc.sql("select exists (select 1 from quarantine_site s where s.id = :site and "
        + TABLE.boundTo("s.code") + ")").param("site", siteId).param(EntityBindings.USER, username)
        .query(Boolean.class).single();
  }
}
