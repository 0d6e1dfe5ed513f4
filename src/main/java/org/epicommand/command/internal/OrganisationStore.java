package org.epicommand.command.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.command.Duty;
import org.epicommand.command.Leader;
import org.epicommand.command.LevelChange;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units and their members, the leadership group, the response level history and the duty roster. */
@Repository
public class OrganisationStore {

  private static final String UNIT_COLUMNS = "u.code, u.name, u.kind, u.jurisdiction_code, u.reporting, u.sort_order";

  private final JdbcClient jdbc;

  OrganisationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Unit> units() {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u order by u.sort_order, u.code")
        .query(OrganisationStore::unit).list();
  }

  public List<Unit> reportingUnits() {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u where u.reporting order by u.sort_order, u.code")
        .query(OrganisationStore::unit).list();
  }

  public Optional<Unit> unit(String code) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u where u.code = :code").param("code", code)
        .query(OrganisationStore::unit).optional();
  }

  /** The units a user belongs to, the reporting ones first. */
  public List<Unit> unitsOf(String username) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u join command_unit_member m on m.unit_code = u.code"
            + " where m.username = :username order by u.reporting desc, u.sort_order, u.code")
        .param("username", username).query(OrganisationStore::unit).list();
  }

  public boolean isMember(String unitCode, String username) {
    return jdbc.sql("select count(*) from command_unit_member where unit_code = :unit and username = :username")
        .param("unit", unitCode).param("username", username).query(Long.class).single() > 0;
  }

  public List<String> members(String unitCode) {
    return jdbc.sql("select username from command_unit_member where unit_code = :unit order by username")
        .param("unit", unitCode).query(String.class).list();
  }

  /** The members of every unit of a kind (e.g. the command office, where escalations go). */
  public List<String> membersOfKind(UnitKind kind) {
    return jdbc.sql("select distinct m.username from command_unit_member m join command_unit u on u.code = m.unit_code"
        + " where u.kind = :kind order by 1").param("kind", kind.name()).query(String.class).list();
  }

  public void insertUnit(Unit unit, Instant at) {
    jdbc.sql("insert into command_unit (code, name, kind, jurisdiction_code, reporting, sort_order, created_at)"
            + " values (:code, :name, :kind, :jurisdiction, :reporting, :sortOrder, :at)")
        .param("code", unit.code()).param("name", unit.name()).param("kind", unit.kind().name())
        .param("jurisdiction", unit.jurisdictionCode()).param("reporting", unit.reporting())
        .param("sortOrder", unit.sortOrder()).param("at", Timestamp.from(at)).update();
  }

  public void addMember(String unitCode, String username) {
    jdbc.sql("insert into command_unit_member (unit_code, username) values (:unit, :username) on conflict do nothing")
        .param("unit", unitCode).param("username", username).update();
  }

  public void removeMember(String unitCode, String username) {
    jdbc.sql("delete from command_unit_member where unit_code = :unit and username = :username")
        .param("unit", unitCode).param("username", username).update();
  }

  public List<Leader> leaders() {
    return jdbc.sql("select id, name, position, title from command_leader order by sort_order, name")
        .query((rs, n) -> new Leader(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("position"),
            rs.getString("title"))).list();
  }

  public void insertLeader(String name, String position, String title, int sortOrder) {
    jdbc.sql("insert into command_leader (id, name, position, title, sort_order) values (:id, :name, :position, :title, :sort)")
        .param("id", UUID.randomUUID()).param("name", name).param("position", position).param("title", title)
        .param("sort", sortOrder).update();
  }

  public List<LevelChange> levelHistory(int limit) {
    return jdbc.sql("select level, reason, changed_by, changed_at from command_response_level"
            + " order by changed_at desc, id limit :limit").param("limit", limit)
        .query((rs, n) -> new LevelChange(ResponseLevel.valueOf(rs.getString("level")), rs.getString("reason"),
            rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant().atOffset(ZoneOffset.UTC))).list();
  }

  public void insertLevel(ResponseLevel level, String reason, String username, Instant at) {
    jdbc.sql("insert into command_response_level (id, level, reason, changed_by, changed_at)"
            + " values (:id, :level, :reason, :by, :at)")
        .param("id", UUID.randomUUID()).param("level", level.name()).param("reason", reason).param("by", username)
        .param("at", Timestamp.from(at)).update();
  }

  /** Serialises concurrent level changes so the "unchanged" check and the insert see the same latest row. */
  public void lockLevels() {
    jdbc.sql("lock table command_response_level in share row exclusive mode").update();
  }

  public List<Duty> duty(LocalDate date) {
    return jdbc.sql("select d.unit_code, u.name, d.duty_date, d.leader, d.staff, d.phone from command_duty d"
            + " join command_unit u on u.code = d.unit_code where d.duty_date = :date order by u.sort_order, u.code")
        .param("date", date).query(OrganisationStore::duty).list();
  }

  public Optional<Duty> duty(String unitCode, LocalDate date) {
    return jdbc.sql("select d.unit_code, u.name, d.duty_date, d.leader, d.staff, d.phone from command_duty d"
            + " join command_unit u on u.code = d.unit_code where d.unit_code = :unit and d.duty_date = :date")
        .param("unit", unitCode).param("date", date).query(OrganisationStore::duty).optional();
  }

  public void putDuty(String unitCode, LocalDate date, String leader, String staff, String phone) {
    jdbc.sql("""
        insert into command_duty (unit_code, duty_date, leader, staff, phone) values (:unit, :date, :leader, :staff, :phone)
        on conflict (unit_code, duty_date) do update set leader = excluded.leader, staff = excluded.staff, phone = excluded.phone
        """).param("unit", unitCode).param("date", date).param("leader", leader).param("staff", staff)
        .param("phone", phone).update();
  }

  private static Duty duty(ResultSet rs, int row) throws SQLException {
    return new Duty(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
        rs.getString(5), rs.getString(6));
  }

  static Unit unit(ResultSet rs, int row) throws SQLException {
    return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
        rs.getString("jurisdiction_code"), rs.getBoolean("reporting"), rs.getInt("sort_order"));
  }
}
