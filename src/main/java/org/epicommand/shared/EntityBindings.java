package org.epicommand.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entity-bound roles (a site manager works at their quarantine sites, a lab operator for their labs):
 * which users are bound to which entity, in a table of the module that owns the entity — one
 * mechanism, each module's table its own ({@code <key> text references <entity>(code), username,
 * bound_by, bound_at}, primary key {@code (<key>, username)}, an index on {@code username}). The module
 * decides which of its roles are bound and keeps their work inside {@link Table#boundTo its entities};
 * administrators bind and unbind through the module's API.
 */
public final class EntityBindings {

  /** One user bound to one entity (by its code), and who bound them when. */
  public record Binding(String entity, String username, String boundBy, OffsetDateTime boundAt) {}

  /**
   * What a module offers administrators for its entity-bound role (its API is {@link EntityBindingsApi}):
   * the users bound to an entity, binding one (400 when the user may not hold the binding, 409 when
   * bound already) and taking the entity away (404 when not bound). Each change is audited on the entity.
   */
  public interface Keeper {

    List<Binding> staff(String entity);

    Binding bind(String entity, String username);

    void unbind(String entity, String username);
  }

  /** The named parameter {@link Table#boundTo} reads the user from. */
  public static final String USER = "boundUser";

  /** A module's binding table and its entity column: fixed names of the owning module, never user input. */
  public record Table(String name, String key) {

    public Table {
      if (!name.matches("[a-z_]+") || !key.matches("[a-z_]+")) {
        throw new IllegalArgumentException("not a table or column name: " + name + "." + key);
      }
    }

    /**
     * The SQL condition that keeps rows whose {@code codeColumn} names an entity the user in the
     * parameter {@link #USER} is bound to (one probe of the binding table's key).
     */
    public String boundTo(String codeColumn) {
      return codeColumn + " in (select " + key + " from " + name + " where username = :" + USER + ")";
    }
  }

  private final JdbcClient jdbc;
  private final String table;
  private final String key;

  public EntityBindings(JdbcClient jdbc, Table table) {
    this.jdbc = jdbc;
    this.table = table.name();
    this.key = table.key();
  }

  /** Binds the user to the entity and answers the binding; 409 ({@code conflictCode}) when they are bound already. */
  public Binding bind(String entity, String username, String by, Instant at, String conflictCode) {
    int inserted = jdbc.sql("insert into " + table + " (" + key + ", username, bound_by, bound_at)"
            + " values (:entity, :username, :by, :at) on conflict do nothing")
        .param("entity", entity).param("username", username).param("by", by)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    if (inserted == 0) {
      throw Conflict.duplicate(conflictCode, username);
    }
    return of(entity).stream().filter(b -> b.username().equals(username)).findFirst().orElseThrow();
  }

  /** Takes the entity away from the user; 404 ({@code subjectType}) when they were not bound to it. */
  public void unbind(String entity, String username, String subjectType) {
    if (jdbc.sql("delete from " + table + " where " + key + " = :entity and username = :username")
        .param("entity", entity).param("username", username).update() == 0) {
      throw new RecordNotFound(subjectType);
    }
  }

  /** The users bound to the entity, by username. */
  public List<Binding> of(String entity) {
    return jdbc.sql("select " + key + ", username, bound_by, bound_at from " + table + " where " + key
            + " = :entity order by username").param("entity", entity)
        .query((rs, n) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class))).list();
  }

  /** The users bound to each of these entities, by entity and username (an entity without any is absent). */
  public java.util.Map<String, List<String>> usernamesOf(java.util.Collection<String> entities) {
    java.util.Map<String, List<String>> users = new java.util.LinkedHashMap<>();
    if (!entities.isEmpty()) {
      jdbc.sql("select " + key + ", username from " + table + " where " + key + " = any(:entities) order by " + key
              + ", username").param("entities", entities.toArray(String[]::new))
          .query(rs -> {
            users.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
          });
    }
    return users;
  }

  /** The entities (codes) the user is bound to. */
  public List<String> entitiesOf(String username) {
    return jdbc.sql("select " + key + " from " + table + " where username = :username order by " + key)
        .param("username", username).query(String.class).list();
  }
}
