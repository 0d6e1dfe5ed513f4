package org.epicommand.quarantine.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: rooms to check people into, and a rule set in force today to compute orders with. */
@Component
class QuarantineSetup implements SetupCheck {

  private final JdbcClient jdbc;
  private final RuleSets ruleSets;
  private final Clock clock;

  QuarantineSetup(JdbcClient jdbc, RuleSets ruleSets, Clock clock) {
    this.jdbc = jdbc;
    this.ruleSets = ruleSets;
    this.clock = clock;
  }

  @Override
  public List<SetupItem> check() {
    long rooms = jdbc.sql("""
        select count(*) from quarantine_room r join quarantine_site s on s.id = r.site_id
        where r.state <> 'OUT_OF_SERVICE' and s.retired_at is null
        """).query(Long.class).single();
    boolean ruleSet = ruleSets.findInForce(LocalDate.now(clock)).isPresent();
    return List.of(
        new SetupItem(50, "setup.area.quarantine", "setup.ruleSet", ruleSet ? 1 : 0, ruleSet, "setup.ruleSet.missing",
            "/quarantine/rule-sets"),
        new SetupItem(51, "setup.area.quarantine", "setup.rooms", rooms, rooms > 0, "setup.rooms.missing",
            "/quarantine/sites", "QUARANTINE_READ"));
  }
}
