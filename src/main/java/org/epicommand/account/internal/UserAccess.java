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

/**
 * The account_user table (public to the module's facade only; other modules use UserAdministration).
 * Every change that matters for access raises the account's security stamp, which ends its
 * sessions and remembered logins.
 */
@Repository
public class UserAccess {

  /** A stored account (without its password hash). */
  public record StoredUser(UUID id, String username, String displayName, Set<Role> roles, String jurisdictionCode,
      boolean enabled, Instant createdAt, long stamp, boolean mustChangePassword, Instant passwordChangedAt,
      boolean passwordNeverExpires) {

    public boolean administrator() {
      return roles.stream().anyMatch(Role::administrator);
    }
  }

  private static final String COLUMNS = "id, username, display_name, roles, jurisdiction_code, enabled, created_at,"
      + " security_stamp, must_change_password, password_changed_at, password_never_expires";

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

  public Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from account_user where username = :username")
        .param("username", username).query(String.class).optional();
  }

  /** The security stamp of an enabled account (one primary-key lookup); empty when disabled or gone. */
  Optional<Long> stamp(UUID id) {
    return jdbc.sql("select security_stamp from account_user where id = :id and enabled").param("id", id)
        .query(Long.class).optional();
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

  /** Whether an enabled account holds the role. */
  public boolean anyoneHolds(Role role) {
    return jdbc.sql("select exists (select 1 from account_user where enabled and :role = any (roles))")
        .param("role", role.name()).query(Boolean.class).single();
  }

  /** Enabled users whose home jurisdiction is {@code jurisdictionCode} holding any of {@code roles}. */
  public List<String> usernamesWith(String jurisdictionCode, Set<Role> roles) {
    return jdbc.sql("""
        select username from account_user
        where jurisdiction_code = :jurisdiction and enabled and roles && string_to_array(:roles, ',')
        order by username
        """)
        .param("jurisdiction", jurisdictionCode).param("roles", names(roles))
        .query(String.class).list();
  }

  /**
   * A new account; {@code mustChangePassword} when someone else chose its password for good,
   * {@code neverExpires} for the demo accounts with their published password.
   */
  public void insert(UUID id, String username, String displayName, String passwordHash, Set<Role> roles,
      String jurisdictionCode, Instant now, boolean mustChangePassword, boolean neverExpires) {
    jdbc.sql("""
        insert into account_user (id, username, display_name, password_hash, roles, jurisdiction_code, created_at,
          updated_at, must_change_password, password_changed_at, password_never_expires)
        values (:id, :username, :displayName, :hash, string_to_array(:roles, ','), :jurisdiction, :now, :now,
          :mustChange, :now, :neverExpires)
        """)
        .param("id", id).param("username", username).param("displayName", displayName).param("hash", passwordHash)
        .param("roles", names(roles)).param("jurisdiction", jurisdictionCode).param("now", Timestamp.from(now))
        .param("mustChange", mustChangePassword).param("neverExpires", neverExpires).update();
    remember(id, passwordHash, now);
  }

  /** Changes an account; a change of roles, jurisdiction or the enabled flag raises its stamp. */
  public void update(UUID id, String displayName, Set<Role> roles, String jurisdictionCode, boolean enabled,
      Instant now) {
    jdbc.sql("""
        update account_user set
          security_stamp = security_stamp + case when roles is distinct from string_to_array(:roles, ',')
            or jurisdiction_code is distinct from :jurisdiction or enabled <> :enabled then 1 else 0 end,
          display_name = :displayName, roles = string_to_array(:roles, ','),
          jurisdiction_code = :jurisdiction, enabled = :enabled, updated_at = :now
        where id = :id
        """)
        .param("displayName", displayName).param("roles", names(roles))
        .param("jurisdiction", jurisdictionCode).param("enabled", enabled).param("now", Timestamp.from(now))
        .param("id", id).update();
  }

  /** The account's password never expires (the demo accounts' published password). */
  public void neverExpire(String username) {
    jdbc.sql("update account_user set password_never_expires = true where username = :username"
        + " and not password_never_expires").param("username", username).update();
  }

  /** Raises the stamp: the account's sessions and remembered logins end (e.g. its temporary roles changed). */
  public void touch(UUID id, Instant now) {
    jdbc.sql("update account_user set security_stamp = security_stamp + 1, updated_at = :now where id = :id")
        .param("now", Timestamp.from(now)).param("id", id).update();
  }

  /** An account's id and name. */
  record Placed(UUID id, String username) {}

  /** Gives every account without a home jurisdiction this one; answers those accounts. */
  List<Placed> placeUnplaced(String jurisdictionCode, Instant now) {
    return jdbc.sql("""
        update account_user set jurisdiction_code = :jurisdiction, updated_at = :now,
          security_stamp = security_stamp + 1
        where jurisdiction_code is null returning id, username
        """).param("jurisdiction", jurisdictionCode).param("now", Timestamp.from(now))
        .query((rs, row) -> new Placed(rs.getObject("id", UUID.class), rs.getString("username"))).list();
  }

  /** Takes the home jurisdiction away from the accounts placed at it (a placeholder being removed). */
  List<String> unplace(String jurisdictionCode, Instant now) {
    return jdbc.sql("""
        update account_user set jurisdiction_code = null, updated_at = :now, security_stamp = security_stamp + 1
        where jurisdiction_code = :jurisdiction returning username
        """).param("jurisdiction", jurisdictionCode).param("now", Timestamp.from(now)).query(String.class).list();
  }

  /**
   * A new password: the stamp rises (other sessions end); {@code mustChange} when an administrator
   * set it. Answers the new stamp.
   */
  public long setPassword(UUID id, String passwordHash, boolean mustChange, Instant now) {
    long stamp = jdbc.sql("""
        update account_user set password_hash = :hash, must_change_password = :mustChange,
          password_changed_at = :now, updated_at = :now, security_stamp = security_stamp + 1
        where id = :id returning security_stamp
        """).param("hash", passwordHash).param("mustChange", mustChange).param("now", Timestamp.from(now))
        .param("id", id).query(Long.class).single();
    remember(id, passwordHash, now);
    return stamp;
  }

  /** The hashes of the account's last {@code count} passwords, newest first (the current one included). */
  public List<String> lastPasswordHashes(UUID id, int count) {
    return jdbc.sql("""
        select password_hash from account_password_history where user_id = :id order by set_at desc limit :count
        """).param("id", id).param("count", count).query(String.class).list();
  }

  private void remember(UUID id, String passwordHash, Instant now) {
    jdbc.sql("insert into account_password_history (user_id, password_hash, set_at) values (:id, :hash, :now)")
        .param("id", id).param("hash", passwordHash).param("now", Timestamp.from(now)).update();
  }

  private static String names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  private static StoredUser map(ResultSet rs, int row) throws SQLException {
    Array array = rs.getArray("roles");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
    return new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
        roles, rs.getString("jurisdiction_code"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
        rs.getLong("security_stamp"), rs.getBoolean("must_change_password"),
        rs.getTimestamp("password_changed_at").toInstant(), rs.getBoolean("password_never_expires"));
  }
}
