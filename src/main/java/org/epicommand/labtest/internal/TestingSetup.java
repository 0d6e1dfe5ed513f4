package org.epicommand.labtest.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: sampling sites for tubes to come from, laboratories for results to come from. */
@Component
class TestingSetup implements SetupCheck {

  private final JdbcClient jdbc;

  TestingSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long sites = jdbc.sql("select count(*) from labtest_site where retired_at is null").query(Long.class).single();
    long labs = jdbc.sql("select count(*) from labtest_lab where retired_at is null").query(Long.class).single();
    return List.of(
        new SetupItem(40, "setup.area.testing", "setup.samplingSites", sites, sites > 0, "setup.samplingSites.missing",
            "/labtest/sampling-sites", "LAB_ADMIN"),
        new SetupItem(41, "setup.area.testing", "setup.labs", labs, labs > 0, "setup.labs.missing", "/labtest/labs",
            "LAB_ADMIN"));
  }
}
