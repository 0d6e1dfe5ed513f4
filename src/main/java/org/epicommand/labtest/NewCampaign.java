package org.epicommand.labtest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The request to start a campaign; its window becomes round 1. {@code riskLevel} is optional; {@code drill}
 * true makes it a readiness drill (its sites report open, it counts no tubes).
 */
public record NewCampaign(String name, List<String> scopeCodes, OffsetDateTime startsAt, OffsetDateTime endsAt,
    AreaRisk riskLevel, Boolean drill) {

  public NewCampaign(String name, List<String> scopeCodes, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    this(name, scopeCodes, startsAt, endsAt, null, null);
  }

  public NewCampaign(String name, List<String> scopeCodes, OffsetDateTime startsAt, OffsetDateTime endsAt,
      AreaRisk riskLevel) {
    this(name, scopeCodes, startsAt, endsAt, riskLevel, null);
  }

  /** A readiness drill. */
  public boolean isDrill() {
    return Boolean.TRUE.equals(drill);
  }
}
