package org.epicommand.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account_role_grant table: temporary roles (break-the-glass), never deleted. */
@Repository
public class GrantAccess {

  /** A stored grant with its holder's username. */
  public record StoredGrant(UUID id, UUID userId, String username, Role role, String jurisdictionCode, String reason,
      Instant startsAt, Instant endsAt, String grantedBy, Instant revokedAt, String revokedBy) {

    public boolean activeAt(Instant now) {
      return revokedAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
  }

  private static final String SELECT = """
      select g.id, g.user_id, u.username, g.role, g.jurisdiction_code, g.reason, g.starts_at, g.ends_at,
        g.granted_by, g.revoked_at, g.revoked_by
      from account_role_grant g join account_user u on u.id = g.user_id
      """;

  private final JdbcClient jdbc;

  GrantAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, UUID userId, Role role, String jurisdictionCode, String reason, Instant startsAt,
      Instant endsAt, String grantedBy) {
    jdbc.sql("""
        insert into account_role_grant (id, user_id, role, jurisdiction_code, reason, starts_at, ends_at, granted_by)
        values (:id, :user, :role, :jurisdiction, :reason, :starts, :ends, :by)
        """).param("id", id).param("user", userId).param("role", role.name()).param("jurisdiction", jurisdictionCode)
        .param("reason", reason).param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt))
        .param("by", grantedBy).update();
  }

  /** The account's grants in force at {@code now}, ending first first. */
  public List<StoredGrant> active(UUID userId, Instant now) {
    return jdbc.sql(SELECT + """
        where g.user_id = :user and g.revoked_at is null and g.starts_at <= :now and g.ends_at > :now
        order by g.ends_at
        """).param("user", userId).param("now", Timestamp.from(now)).query(GrantAccess::map).list();
  }

  public Optional<StoredGrant> find(UUID id) {
    return jdbc.sql(SELECT + " where g.id = :id").param("id", id).query(GrantAccess::map).optional();
  }

  /** Newest first; {@code username} (exact) narrows to one account. */
  public List<StoredGrant> page(String username, long offset, int limit) {
    var statement = jdbc.sql(SELECT + (username == null ? "" : " where u.username = :username")
        + " order by g.starts_at desc, g.id offset :offset limit :limit").param("offset", offset).param("limit", limit);
    if (username != null) {
      statement = statement.param("username", username);
    }
    return statement.query(GrantAccess::map).list();
  }

  /** Ends a grant early; false when it had been revoked already. */
  public boolean revoke(UUID id, Instant now, String by) {
    return jdbc.sql(
        "update account_role_grant set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
        .param("now", Timestamp.from(now)).param("by", by).param("id", id).update() == 1;
  }

  private static StoredGrant map(ResultSet rs, int row) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new StoredGrant(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
        rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getString("jurisdiction_code"),
        rs.getString("reason"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
        rs.getString("granted_by"), revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
  }
}
