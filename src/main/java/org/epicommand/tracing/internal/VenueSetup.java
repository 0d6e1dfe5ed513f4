package org.epicommand.tracing.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: venues (场所码) for scans to land on and co-presence to search. */
@Component
class VenueSetup implements SetupCheck {

  private final JdbcClient jdbc;

  VenueSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long venues = jdbc.sql("select count(*) from venue where retired_at is null").query(Long.class).single();
    return List.of(new SetupItem(70, "setup.area.tracing", "setup.venues", venues, venues > 0,
        "setup.venues.missing", "/tracing/venues", "CASE_READ"));
  }
}
