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
import org.epicommand.command.LevelChange;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units and their members, and the response level history. */
@Repository
public class OrganisationStore {

  private static final String UNIT_COLUMNS =
      "u.code, u.name, u.kind, u.jurisdiction_code, u.reporting, u.sort_order, u.retired_on";

  /** Where a unit came from in an import: the import and the file's line. */
  public record ImportLine(UUID importId, int line) {}

  private final JdbcClient jdbc;

  OrganisationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every unit, retired ones too, in their order. */
  public List<Unit> units() {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u order by u.sort_order, u.code")
        .query(OrganisationStore::unit).list();
  }

  /** The reporting units still active on {@code day} (retired from a later day or not at all). */
  public List<Unit> reportingUnits(LocalDate day) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u where u.reporting"
            + " and (u.retired_on is null or u.retired_on > :day) order by u.sort_order, u.code")
        .param("day", day).query(OrganisationStore::unit).list();
  }

  public Optional<Unit> unit(String code) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u where u.code = :code").param("code", code)
        .query(OrganisationStore::unit).optional();
  }

  /** The unit, locked for the change that follows. */
  public Optional<Unit> lockUnit(String code) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from command_unit u where u.code = :code for update")
        .param("code", code).query(OrganisationStore::unit).optional();
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

  public void insertUnit(Unit unit, Instant at, ImportLine source) {
    jdbc.sql("insert into command_unit (code, name, kind, jurisdiction_code, reporting, sort_order, created_at,"
            + " import_id, import_line) values (:code, :name, :kind, :jurisdiction, :reporting, :sortOrder, :at,"
            + " :importId, :line)")
        .param("code", unit.code()).param("name", unit.name()).param("kind", unit.kind().name())
        .param("jurisdiction", unit.jurisdictionCode()).param("reporting", unit.reporting())
        .param("sortOrder", unit.sortOrder()).param("at", Timestamp.from(at))
        .param("importId", source == null ? null : source.importId())
        .param("line", source == null ? null : source.line()).update();
  }

  /** Corrects what a unit is called and is; its code never changes. */
  public void updateUnit(Unit unit, Instant at, ImportLine source) {
    jdbc.sql("update command_unit set name = :name, kind = :kind, jurisdiction_code = :jurisdiction,"
            + " reporting = :reporting, sort_order = :sortOrder, updated_at = :at,"
            + " import_id = coalesce(:importId, import_id), import_line = coalesce(:line, import_line)"
            + " where code = :code")
        .param("code", unit.code()).param("name", unit.name()).param("kind", unit.kind().name())
        .param("jurisdiction", unit.jurisdictionCode()).param("reporting", unit.reporting())
        .param("sortOrder", unit.sortOrder()).param("at", Timestamp.from(at))
        .param("importId", source == null ? null : source.importId())
        .param("line", source == null ? null : source.line()).update();
  }

  /** Records that an import line carried the unit unchanged (so the same code later in that file is a duplicate). */
  public void markImported(String code, ImportLine source) {
    jdbc.sql("update command_unit set import_id = :importId, import_line = :line where code = :code")
        .param("importId", source.importId()).param("line", source.line()).param("code", code).update();
  }

  /** Sets or clears (null) the day from which the unit is retired. */
  public void setRetired(String code, LocalDate retiredOn, String username, Instant at) {
    jdbc.sql("update command_unit set retired_on = :day, retired_by = :by, updated_at = :at where code = :code")
        .param("day", retiredOn).param("by", retiredOn == null ? null : username).param("at", Timestamp.from(at))
        .param("code", code).update();
  }

  /** The import and line that last wrote the unit, if an import did. */
  public Optional<ImportLine> importLine(String code) {
    return jdbc.sql("select import_id, import_line from command_unit where code = :code and import_id is not null")
        .param("code", code).query((rs, n) -> new ImportLine(rs.getObject(1, UUID.class), rs.getInt(2))).optional();
  }

  /** Adds a member; false when they belonged to the unit already. */
  public boolean addMember(String unitCode, String username, Instant at) {
    return jdbc.sql("insert into command_unit_member (unit_code, username, added_at) values (:unit, :username, :at)"
            + " on conflict do nothing")
        .param("unit", unitCode).param("username", username).param("at", Timestamp.from(at)).update() == 1;
  }

  /** Removes a member; false when they did not belong to the unit. */
  public boolean removeMember(String unitCode, String username) {
    return jdbc.sql("delete from command_unit_member where unit_code = :unit and username = :username")
        .param("unit", unitCode).param("username", username).update() == 1;
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

  static Unit unit(ResultSet rs, int row) throws SQLException {
    return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
        rs.getString("jurisdiction_code"), rs.getBoolean("reporting"), rs.getInt("sort_order"),
        rs.getObject("retired_on", LocalDate.class));
  }
}
