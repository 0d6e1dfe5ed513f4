package org.epicommand.jurisdiction.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Setup: the division tree is imported, and every district has its resident population — every district
 * with divisions below it: the national code list keeps an empty 市辖区 under many cities, which has none.
 */
@Component
class DivisionSetup implements SetupCheck {

  private final JdbcClient jdbc;

  DivisionSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long divisions = jdbc.sql("select count(*) from jurisdiction").query(Long.class).single();
    // a county-level code without divisions below it (市辖区 in the national code list) has no residents to count
    long[] counties = jdbc.sql("""
        select count(*), count(population) from jurisdiction j where level = 'COUNTY'
          and exists (select 1 from jurisdiction c where c.parent_code = j.code)
        """).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    return List.of(
        new SetupItem(10, "setup.area.divisions", "setup.divisions", divisions, divisions > 0,
            "setup.divisions.missing", "/imports?kind=jurisdictions", "JURISDICTION_ADMIN"),
        new SetupItem(11, "setup.area.divisions", "setup.population", counties[1],
            counties[0] > 0 && counties[0] == counties[1], "setup.population.missing", "/jurisdictions",
            "JURISDICTION_ADMIN"));
  }
}
