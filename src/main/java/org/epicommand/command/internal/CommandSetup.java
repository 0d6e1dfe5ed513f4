package org.epicommand.command.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Setup of the command post: its leadership group, its member units, a daily-report template every
 * reporting unit files (the default), and someone on duty today.
 */
@Component
class CommandSetup implements SetupCheck {

  private final JdbcClient jdbc;
  private final Clock clock;

  CommandSetup(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<SetupItem> check() {
    LocalDate today = LocalDate.now(clock);
    long leaders = jdbc.sql("select count(*) from command_leader where served_until is null").query(Long.class)
        .single();
    long units = jdbc.sql("select count(*) from command_unit where retired_on is null or retired_on > :today")
        .param("today", today).query(Long.class).single();
    long defaults = jdbc.sql("select count(*) from command_report_template where is_default and retired_on is null")
        .query(Long.class).single();
    long duty = jdbc.sql("select count(*) from command_duty where duty_date = :today").param("today", today)
        .query(Long.class).single();
    return List.of(
        new SetupItem(60, "setup.area.command", "setup.leadership", leaders, leaders > 0, "setup.leadership.missing",
            "/command/leadership", "COMMAND_MANAGE"),
        new SetupItem(61, "setup.area.command", "setup.units", units, units > 0, "setup.units.missing",
            "/command/units", "COMMAND_MANAGE"),
        new SetupItem(62, "setup.area.command", "setup.reportTemplate", defaults, defaults > 0,
            "setup.reportTemplate.missing", "/command/reports/templates", "COMMAND_MANAGE"),
        new SetupItem(63, "setup.area.command", "setup.duty", duty, duty > 0, "setup.duty.missing",
            "/command/duty/roster", "UNIT_WORK"));
  }
}
