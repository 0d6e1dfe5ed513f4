package org.epicommand.command.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.command.Leader;
import org.epicommand.command.LeaderPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The leadership group's memberships, serving and former; an ended membership is kept with its last day. */
@Repository
public class LeadershipStore {

  private static final String SELECT = "select id, name, position, title, phone, username, sort_order, served_from,"
      + " served_until from command_leader";
  private static final String GROUP_ORDER =
      " order by case position when 'LEADER' then 0 when 'DEPUTY' then 1 else 2 end, sort_order, name, id";

  private final JdbcClient jdbc;

  LeadershipStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Those serving now: 组长, then 副组长, then members, each in their order. */
  public List<Leader> serving() {
    return jdbc.sql(SELECT + " where served_until is null" + GROUP_ORDER).query(LeadershipStore::leader).list();
  }

  /** Former members, the latest to leave first. */
  public List<Leader> former() {
    return jdbc.sql(SELECT + " where served_until is not null order by served_until desc, served_from desc, name")
        .query(LeadershipStore::leader).list();
  }

  public Optional<Leader> lock(UUID id) {
    return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(LeadershipStore::leader).optional();
  }

  /** The 组长 serving now, if any. */
  public Optional<UUID> servingLeader() {
    return jdbc.sql("select id from command_leader where position = 'LEADER' and served_until is null")
        .query(UUID.class).optional();
  }

  /** A membership serving now that is linked to a user account. */
  public Optional<UUID> servingAs(String username) {
    return jdbc.sql("select id from command_leader where username = :username and served_until is null limit 1")
        .param("username", username).query(UUID.class).optional();
  }

  /** Serialises changes to the group, so that the one-组长 and one-account checks see what the insert will. */
  public void lockGroup() {
    jdbc.sql("lock table command_leader in share row exclusive mode").update();
  }

  public void insert(Leader leader, Instant at) {
    jdbc.sql("""
        insert into command_leader (id, name, position, title, phone, username, sort_order, served_from, created_at)
        values (:id, :name, :position, :title, :phone, :username, :sort, :from, :at)
        """).param("id", leader.id()).param("name", leader.name()).param("position", leader.position().name())
        .param("title", leader.title()).param("phone", leader.phone()).param("username", leader.username())
        .param("sort", leader.sortOrder()).param("from", leader.servedFrom()).param("at", Timestamp.from(at)).update();
  }

  public void update(Leader leader) {
    jdbc.sql("""
        update command_leader set name = :name, position = :position, title = :title, phone = :phone,
          username = :username, sort_order = :sort, served_from = :from where id = :id
        """).param("id", leader.id()).param("name", leader.name()).param("position", leader.position().name())
        .param("title", leader.title()).param("phone", leader.phone()).param("username", leader.username())
        .param("sort", leader.sortOrder()).param("from", leader.servedFrom()).update();
  }

  public void end(UUID id, LocalDate lastDay) {
    jdbc.sql("update command_leader set served_until = :day where id = :id").param("day", lastDay).param("id", id)
        .update();
  }

  private static Leader leader(ResultSet rs, int row) throws SQLException {
    return new Leader(rs.getObject("id", UUID.class), rs.getString("name"),
        LeaderPosition.valueOf(rs.getString("position")), rs.getString("title"), rs.getString("phone"),
        rs.getString("username"), rs.getInt("sort_order"), rs.getObject("served_from", LocalDate.class),
        rs.getObject("served_until", LocalDate.class));
  }
}
