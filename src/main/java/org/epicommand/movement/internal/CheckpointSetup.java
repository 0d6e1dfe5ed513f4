package org.epicommand.movement.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Setup: checkpoints and stations where arrivals and green passes are registered. */
@Component
class CheckpointSetup implements SetupCheck {

  private final JdbcClient jdbc;

  CheckpointSetup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SetupItem> check() {
    long checkpoints = jdbc.sql("select count(*) from checkpoint where retired_at is null").query(Long.class).single();
    return List.of(new SetupItem(80, "setup.area.movement", "setup.checkpoints", checkpoints, checkpoints > 0,
        "setup.checkpoints.missing", "/movement/checkpoints", "MOVEMENT_READ"));
  }
}
