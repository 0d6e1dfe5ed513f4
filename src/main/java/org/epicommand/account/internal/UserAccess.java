package org.epicommand.account.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.account.Role;
import org.epicommand.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account_user table (public to the module's facade only; other modules use UserAdministration). */
@Repository
public class UserAccess {

  /** A stored account (without its password hash). */
  public record StoredUser(UUID id, String username, String displayName, Set<Role> roles, String jurisdictionCode,
      boolean enabled, Instant lockedUntil, Instant createdAt) {}

  private static final String COLUMNS =
      "id, username, display_name, roles, jurisdiction_code, enabled, locked_until, created_at";

  private final JdbcClient jdbc;

  UserAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredUser> findByUsername(String username) {
    return jdbc.sql("select " + COLUMNS + " from account_user where username = :username")
        .param("username", username).query(UserAccess::map).optional();
  }

  public Optional<StoredUser> findById(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from account_user where id = :id").param("id", id)
        .query(UserAccess::map).optional();
  }

  Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from account_user where username = :username")
        .param("username", username).query(String.class).optional();
  }

  public List<StoredUser> page(String search, long offset, int limit) {
    String where = search == null ? "" : " where username ilike :search or display_name ilike :search";
    var statement = jdbc.sql("select " + COLUMNS + " from account_user" + where
        + " order by username offset :offset limit :limit").param("offset", offset).param("limit", limit);
    if (search != null) {
      statement = statement.param("search", LikePattern.contains(search));
    }
    return statement.query(UserAccess::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from account_user").query(Long.class).single();
  }

  public long count(String search) {
    if (search == null) {
      return count();
    }
    return jdbc.sql("select count(*) from account_user where username ilike :search or display_name ilike :search")
        .param("search", LikePattern.contains(search)).query(Long.class).single();
  }

  /** Enabled users whose home jurisdiction is {@code jurisdictionCode} holding any of {@code roles}. */
  public List<String> usernamesWith(String jurisdictionCode, Set<Role> roles) {
    return jdbc.sql("""
        select username from account_user
        where jurisdiction_code = :jurisdiction and enabled and roles && string_to_array(:roles, ',')
        order by username
        """)
        .param("jurisdiction", jurisdictionCode)
        .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
        .query(String.class).list();
  }

  public void insert(UUID id, String username, String displayName, String passwordHash, Set<Role> roles,
      String jurisdictionCode, Instant now) {
    jdbc.sql("""
        insert into account_user (id, username, display_name, password_hash, roles, jurisdiction_code, created_at, updated_at)
        values (:id, :username, :displayName, :hash, string_to_array(:roles, ','), :jurisdiction, :now, :now)
        """)
        .param("id", id).param("username", username).param("displayName", displayName).param("hash", passwordHash)
        .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
        .param("jurisdiction", jurisdictionCode).param("now", Timestamp.from(now)).update();
  }

  public void update(UUID id, String displayName, Set<Role> roles, String jurisdictionCode, boolean enabled, Instant now) {
    jdbc.sql("""
        update account_user set display_name = :displayName, roles = string_to_array(:roles, ','),
          jurisdiction_code = :jurisdiction, enabled = :enabled, updated_at = :now where id = :id
        """)
        .param("displayName", displayName)
        .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
        .param("jurisdiction", jurisdictionCode).param("enabled", enabled).param("now", Timestamp.from(now))
        .param("id", id).update();
  }

  /** An account's id and name. */
  record Placed(UUID id, String username) {}

  /** Gives every account without a home jurisdiction this one; answers those accounts. */
  List<Placed> placeUnplaced(String jurisdictionCode, Instant now) {
    return jdbc.sql("""
        update account_user set jurisdiction_code = :jurisdiction, updated_at = :now
        where jurisdiction_code is null returning id, username
        """).param("jurisdiction", jurisdictionCode).param("now", Timestamp.from(now))
        .query((rs, row) -> new Placed(rs.getObject("id", UUID.class), rs.getString("username"))).list();
  }

  /** Takes the home jurisdiction away from the accounts placed at it (a placeholder being removed). */
  List<String> unplace(String jurisdictionCode, Instant now) {
    return jdbc.sql("""
        update account_user set jurisdiction_code = null, updated_at = :now
        where jurisdiction_code = :jurisdiction returning username
        """).param("jurisdiction", jurisdictionCode).param("now", Timestamp.from(now)).query(String.class).list();
  }

  public void setPassword(UUID id, String passwordHash, Instant now) {
    jdbc.sql("""
        update account_user set password_hash = :hash, failed_attempts = 0, locked_until = null, updated_at = :now
        where id = :id
        """).param("hash", passwordHash).param("now", Timestamp.from(now)).param("id", id).update();
  }

  /** Counts a failed login; locks the account for the lock-out period once the limit is reached. */
  boolean recordFailure(String username, int limit, Instant lockUntil) {
    Integer attempts = jdbc.sql("""
        update account_user set failed_attempts = failed_attempts + 1 where username = :username
        returning failed_attempts
        """).param("username", username).query(Integer.class).optional().orElse(0);
    if (attempts >= limit) {
      jdbc.sql("update account_user set failed_attempts = 0, locked_until = :until where username = :username")
          .param("until", Timestamp.from(lockUntil)).param("username", username).update();
      return true;
    }
    return false;
  }

  void recordSuccess(String username) {
    jdbc.sql("""
        update account_user set failed_attempts = 0, locked_until = null
        where username = :username and (failed_attempts > 0 or locked_until is not null)
        """).param("username", username).update();
  }

  private static StoredUser map(ResultSet rs, int row) throws SQLException {
    Array array = rs.getArray("roles");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
    Timestamp locked = rs.getTimestamp("locked_until");
    return new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
        roles, rs.getString("jurisdiction_code"), rs.getBoolean("enabled"),
        locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant());
  }
}
