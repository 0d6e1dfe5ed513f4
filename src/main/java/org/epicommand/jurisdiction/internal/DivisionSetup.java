package org.epicommand.jurisdiction.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: the division tree is imported, and every district has its resident population. */
@Component
class DivisionSetup implements SetupCheck {

  private final JdbcClient jdbc;

  DivisionSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long divisions = jdbc.sql("select count(*) from jurisdiction").query(Long.class).single();
    long[] counties = jdbc.sql("""
        select count(*), count(population) from jurisdiction where level = 'COUNTY'
        """).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    return List.of(
        new SetupItem(10, "setup.area.divisions", "setup.divisions", divisions, divisions > 0,
            "setup.divisions.missing", "/imports?kind=jurisdictions"),
        new SetupItem(11, "setup.area.divisions", "setup.population", counties[1],
            counties[0] > 0 && counties[0] == counties[1], "setup.population.missing", "/jurisdictions"));
  }
}
