package org.epicommand.command.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.command.Duty;
import org.epicommand.command.internal.OrganisationStore.ImportLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The 24-hour duty roster: one row per unit and day. */
@Repository
public class DutyStore {

  private static final String COLUMNS = "select d.unit_code, u.name, d.duty_date, d.leader, d.staff, d.phone"
      + " from command_duty d join command_unit u on u.code = d.unit_code";

  private final JdbcClient jdbc;

  DutyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every unit's duty on a day, except units retired by then. */
  public List<Duty> onDay(LocalDate date) {
    return jdbc.sql(COLUMNS + " where d.duty_date = :date and (u.retired_on is null or u.retired_on > d.duty_date)"
            + " order by u.sort_order, u.code")
        .param("date", date).query(DutyStore::duty).list();
  }

  public Optional<Duty> find(String unitCode, LocalDate date) {
    return jdbc.sql(COLUMNS + " where d.unit_code = :unit and d.duty_date = :date")
        .param("unit", unitCode).param("date", date).query(DutyStore::duty).optional();
  }

  /** A unit's duty between two days (inclusive), by day. */
  public List<Duty> range(String unitCode, LocalDate from, LocalDate to) {
    return jdbc.sql(COLUMNS + " where d.unit_code = :unit and d.duty_date between :from and :to order by d.duty_date")
        .param("unit", unitCode).param("from", from).param("to", to).query(DutyStore::duty).list();
  }

  /** Sets a unit's duty for a day (replacing what was there); the import line, if any, is kept with it. */
  public void put(String unitCode, LocalDate date, String leader, String staff, String phone, ImportLine source) {
    jdbc.sql("""
        insert into command_duty (unit_code, duty_date, leader, staff, phone, import_id, import_line)
        values (:unit, :date, :leader, :staff, :phone, :importId, :line)
        on conflict (unit_code, duty_date) do update set leader = excluded.leader, staff = excluded.staff,
          phone = excluded.phone, import_id = coalesce(excluded.import_id, command_duty.import_id),
          import_line = coalesce(excluded.import_line, command_duty.import_line)
        """).param("unit", unitCode).param("date", date).param("leader", leader).param("staff", staff)
        .param("phone", phone).param("importId", source == null ? null : source.importId())
        .param("line", source == null ? null : source.line()).update();
  }

  /** The import and line that last wrote a unit's day, if an import did. */
  public Optional<ImportLine> importLine(String unitCode, LocalDate date) {
    return jdbc.sql("select import_id, import_line from command_duty where unit_code = :unit and duty_date = :date"
            + " and import_id is not null")
        .param("unit", unitCode).param("date", date)
        .query((rs, n) -> new ImportLine(rs.getObject(1, UUID.class), rs.getInt(2))).optional();
  }

  private static Duty duty(ResultSet rs, int row) throws SQLException {
    return new Duty(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
        rs.getString(5), rs.getString(6));
  }
}
